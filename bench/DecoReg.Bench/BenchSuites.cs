using DecoReg.Data;

namespace DecoReg.Bench;

/// <summary>One data set of a suite: how many splits it offers and how to load split i.</summary>
public sealed record SuiteDataset(string Name, int AvailableSplits, Func<int, (Dataset Train, Dataset Test)> LoadSplit);

/// <summary>
/// The benchmark suites. <c>uci</c>: the seven standard UCI folders with their published 90/10 splits (smallest
/// first). <c>tabular</c>: four mixed-type CSV tables, each split 80/20 by <see cref="Splits.Shuffle"/> with seed
/// <see cref="TabularSeed"/> + split number (split 0 is the fixed split of the reports).
/// </summary>
public static class BenchSuites
{
    public const int TabularSeed = 20250101;
    public const double TabularTestFraction = 0.2;

    public static IReadOnlyList<string> Names { get; } = ["uci", "tabular"];

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
    public static IReadOnlyList<string> QuickDatasets(string suite) => suite == "uci" ? ["yacht"] : ["ames"];

    /// <summary>All data sets of a suite (default order), or the named ones; unknown names are user errors.</summary>
    public static IReadOnlyList<SuiteDataset> Resolve(string suite, string dataRoot, IReadOnlyList<string>? names)
    {
        var all = suite switch
        {
            "uci" => Uci,
            "tabular" => Tabular.Keys.ToArray(),
            _ => throw new DecoRegException($"unknown suite '{suite}'; expected one of: {string.Join(", ", Names)}"),
        };
        names ??= all;
        foreach (var n in names)
            if (!all.Contains(n))
                throw new DecoRegException($"suite '{suite}' has no data set '{n}'; expected some of: {string.Join(", ", all)}");
        return names.Select(n => suite == "uci" ? UciSet(dataRoot, n) : TabularSet(dataRoot, n)).ToArray();
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
