using DecoReg.Data;

namespace DecoReg.Bench;

/// <summary>One data set of a suite: how many splits it offers and how to load split i.</summary>
public sealed record SuiteDataset(string Name, int AvailableSplits, Func<int, (Dataset Train, Dataset Test)> LoadSplit);

/// <summary>
/// The benchmark suites. <c>uci</c>: the seven standard UCI folders with their published 90/10 splits (smallest
/// first). <c>tabular</c>: four mixed-type CSV tables, each split 80/20 by <see cref="Splits.Shuffle"/> with seed
/// <see cref="TabularSeed"/> + split number (split 0 is the fixed split of the reports). <c>text</c>: records read as
/// text (issue 11): the Debian packages' fixed train/test files, and check_times (numbers only) on the tabular split.
/// </summary>
public static class BenchSuites
{
    public const int TabularSeed = 20250101;
    public const double TabularTestFraction = 0.2;

    public const string UciSuite = "uci";
    public const string TabularSuite = "tabular";
    public const string TextSuite = "text";

    /// <summary>Conformal intervals, selective regression, … on the UCI sets (bench/DecoReg.Bench/Uncertainty).</summary>
    public const string UncertaintySuite = "uncertainty";

    /// <summary>Pretraining and few-shot fine-tuning (issue 12): its own runner and report (<see cref="FewShot.FewShotRunner"/>).</summary>
    public const string FewShotSuite = "fewshot";

    /// <summary>The Debian packages' target column (installed size in KiB).</summary>
    public const string DebianTarget = "installed_size_kib";

    /// <summary>The <c>--quick</c> data set of the text suite: the first <see cref="QuickTrainRows"/> training and
    /// <see cref="QuickTestRows"/> test rows of the Debian files (not among the suite's defaults).</summary>
    public const string DebianQuick = "debian-packages-quick";
    public const int QuickTrainRows = 600;
    public const int QuickTestRows = 200;

    public static IReadOnlyList<string> Names { get; } = [UciSuite, TabularSuite, TextSuite, UncertaintySuite, FewShotSuite];

    /// <summary>The text suite's data sets, in run order (the quick subset is run only when named or with --quick).</summary>
    public static IReadOnlyList<string> Text { get; } = ["debian-packages", "check_times"];

    /// <summary>UCI folders in order of size (the order runs go in).</summary>
    public static IReadOnlyList<string> Uci { get; } =
        ["yacht", "bostonHousing", "energy", "concrete", "wine-quality-red", "power-plant", "protein-tertiary-structure"];

    /// <summary>Tabular files: name → (file, target column, columns dropped besides the target).</summary>
    public static IReadOnlyDictionary<string, (string File, string Target, string[] Drop)> Tabular { get; } =
        new Dictionary<string, (string, string, string[])>
        {
            ["ames"] = ("ames.csv", "Sale_Price", []),
            ["stackoverflow"] = ("stackoverflow.csv", "Salary", []),
            // status is the outcome of the check (leaks the target); package is a unique name per row (an identifier).
            ["check_times"] = ("check_times.csv", "check_time", ["status", "package"]),
            ["diamonds"] = ("diamonds.csv", "price", []),
        };

    /// <summary>The data sets of <c>--quick</c> runs.</summary>
    public static IReadOnlyList<string> QuickDatasets(string suite) => suite switch
    {
        UciSuite or UncertaintySuite => ["yacht"],
        TextSuite => [DebianQuick],
        _ => ["ames"],
    };

    /// <summary>Every data set name a suite accepts, in report order (defaults first).</summary>
    public static IReadOnlyList<string> Available(string suite) => suite switch
    {
        UciSuite or UncertaintySuite => Uci,
        TabularSuite => Tabular.Keys.ToArray(),
        TextSuite => [.. Text, DebianQuick],
        _ => throw new DecoRegException($"unknown suite '{suite}'; expected one of: {string.Join(", ", Names)}"),
    };

    /// <summary>All data sets of a suite (default order), or the named ones; unknown names are user errors.</summary>
    public static IReadOnlyList<SuiteDataset> Resolve(string suite, string dataRoot, IReadOnlyList<string>? names)
    {
        var all = Available(suite);
        names ??= suite == TextSuite ? Text : all;
        foreach (var n in names)
            if (!all.Contains(n))
                throw new DecoRegException($"suite '{suite}' has no data set '{n}'; expected some of: {string.Join(", ", all)}");
        return names.Select(n => suite switch
        {
            UciSuite or UncertaintySuite => UciSet(dataRoot, n),
            TextSuite when n != "check_times" => DebianSet(dataRoot, n),
            _ => TabularSet(dataRoot, n),
        }).ToArray();
    }

    /// <summary>
    /// The Debian packages: one fixed split (train.jsonl / test.jsonl, split by source package), or its first rows for
    /// <see cref="DebianQuick"/>.
    /// </summary>
    private static SuiteDataset DebianSet(string root, string name)
    {
        string dir = Path.Combine(root, "text", "debian-packages");
        Dataset Read(string file, int rows)
        {
            var data = Dataset.FromTable(TableLoader.ReadTable(Path.Combine(dir, file)), DebianTarget, name: $"{name} ({file})");
            return rows >= data.RowCount ? data : data.Subset(Enumerable.Range(0, rows).ToArray(), $"first {rows} rows");
        }
        bool quick = name == DebianQuick;
        return new SuiteDataset(name, 1, _ =>
            (Read("train.jsonl", quick ? QuickTrainRows : int.MaxValue), Read("test.jsonl", quick ? QuickTestRows : int.MaxValue)));
    }

    private static SuiteDataset UciSet(string root, string name)
    {
        string dir = Path.Combine(root, "uci", name);
        return new SuiteDataset(name, UciDataset.SplitCount(dir), split => UciDataset.LoadSplit(dir, split));
    }

    private static SuiteDataset TabularSet(string root, string name)
    {
        var (file, target, drop) = Tabular[name];
        string path = Path.Combine(root, "tabular", file);
        Dataset? data = null;
        return new SuiteDataset(name, int.MaxValue, split =>
        {
            data ??= Dataset.FromTable(CsvTableReader.Read(path), target, drop, name);
            var (train, test) = Splits.TrainValid(data.RowCount, TabularTestFraction, TabularSeed + split);
            return (data.Subset(train, $"split {split} (train)"), data.Subset(test, $"split {split} (test)"));
        });
    }

    /// <summary>
    /// The shared datasets folder: <paramref name="explicitRoot"/>, else DECOREG_DATASETS, else the first
    /// <c>shared/datasets</c> found walking up from the working directory or the application folder.
    /// </summary>
    public static string FindDataRoot(string? explicitRoot)
    {
        if (!string.IsNullOrEmpty(explicitRoot))
            return Directory.Exists(explicitRoot) ? Path.GetFullPath(explicitRoot)
                : throw new DecoRegException($"{explicitRoot}: data folder not found");
        var env = Environment.GetEnvironmentVariable("DECOREG_DATASETS");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return Path.GetFullPath(env);
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "datasets");
                if (Directory.Exists(candidate)) return candidate;
            }
        throw new DecoRegException("no shared/datasets folder found above the working directory; give --data DIR or set DECOREG_DATASETS");
    }
}
