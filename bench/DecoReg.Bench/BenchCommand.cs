using System.ComponentModel;
using DecoReg.Bench.FewShot;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DecoReg.Bench;

/// <summary>
/// <c>decoreg-bench</c> (also as <c>decoreg bench</c>, which forwards here): runs a benchmark suite (DecoReg against baseline heads on the same encoder and LightGBM)
/// and writes <c>&lt;suite&gt;.md</c>, <c>.json</c> and <c>.png</c> into the output folder after every run. Runs already
/// recorded there (same budget) are kept and skipped, so a suite can be run per data set, resumed, or split across
/// concurrent commands.
/// </summary>
public sealed class BenchCommand(IAnsiConsole console) : Command<BenchCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--suite <SUITE>")]
        [Description("uci (7 UCI sets, published splits), tabular (4 mixed-type tables, seeded 80/20 split), text (records read as text: Debian packages' fixed split, check_times), uncertainty (conformal intervals, selective regression, label audit, active learning on the UCI sets; budgets in epochs per set) or fewshot (pretraining on most tasks, fine-tuning on few rows of held-out ones: debian-packages, stackoverflow).")]
        public string Suite { get; init; } = "";

        [CommandOption("--datasets <LIST>")]
        [Description("Comma-separated data sets (default: all of the suite; with --quick: one small set).")]
        public string? Datasets { get; init; }

        [CommandOption("--splits <N>")]
        [Description("Splits per data set (uci: default 5 of the 20 published splits; tabular and text: default 1, the fixed split; 1 with --quick).")]
        public int? Splits { get; init; }

        [CommandOption("--parts <LIST>")]
        [Description("uncertainty suite: comma-separated parts to run (default all: conformal, selective, audit, active).")]
        public string? Parts { get; init; }

        [CommandOption("--methods <LIST>")]
        [Description("Comma-separated: decoreg-normalized, decoreg-ieee, decoreg-select (2 trainings), decoreg-ensemble (5), decoreg-select-ensemble (6), gaussian, histogram, mdn, lightgbm; text suite only: decoreg-text, decoreg-text-mlp, decoreg-table-text, decoreg-table-categorical, tfidf-lightgbm (its defaults), decoreg-text-ensemble (3), decoreg-text-d128; or all (every method of the suite). Default: uci and tabular the six single-training methods (decoreg-normalized, decoreg-ieee, gaussian, histogram, mdn, lightgbm), text its five defaults.")]
        public string? Methods { get; init; }

        [CommandOption("--seeds <N>")]
        [Description("fewshot only: seeds per (task, sample size) (default 3; 1 with --quick).")]
        public int? Seeds { get; init; }

        [CommandOption("--tasks <LIST>")]
        [Description("fewshot only: comma-separated held-out tasks to run (default all: doc, python, rust, science; India, Canada); lets commands share a data set's runs side by side.")]
        public string? Tasks { get; init; }

        [CommandOption("--sizes <LIST>")]
        [Description("fewshot only: comma-separated sample sizes (default 32,64,128,256,512; 32 with --quick); sizes above a task's training rows are skipped.")]
        public string? Sizes { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("Folder for the reports (default bench/results).")]
        public string Out { get; init; } = Path.Combine("bench", "results");

        [CommandOption("--quick")]
        [Description("One split, a few epochs, one small data set: a smoke run (what CI runs).")]
        public bool Quick { get; init; }

        [CommandOption("--data <DIR>")]
        [Description("The shared datasets folder holding uci/, tabular/ and text/ (default: DECOREG_DATASETS or shared/datasets above the working directory).")]
        public string? Data { get; init; }

        [CommandOption("--epochs <N>")]
        [Description("Override the maximum epochs per training (default 300; text suite 8; 4 with --quick).")]
        public int? Epochs { get; init; }

        [CommandOption("--time-limit <SECONDS>")]
        [Description("Override the wall-clock limit per training in seconds (default 60; text suite 1800; 20 with --quick).")]
        public double? TimeLimit { get; init; }

        [CommandOption("--threads <N>")]
        [Description("CPU threads for training and LightGBM (default: all cores). With 1, two bench commands can share a 2-core machine.")]
        public int? Threads { get; init; }

        public override ValidationResult Validate()
        {
            if (!BenchSuites.Names.Contains(Suite))
                return ValidationResult.Error($"--suite must be one of: {string.Join(", ", BenchSuites.Names)}");
            if (Seeds is < 1) return ValidationResult.Error("--seeds must be at least 1");
            if (Suite != BenchSuites.FewShotSuite && (Seeds is not null || Sizes is not null || Tasks is not null))
                return ValidationResult.Error("--seeds, --sizes and --tasks belong to --suite fewshot");
            if (Suite == BenchSuites.FewShotSuite && (Methods is not null || Splits is not null || Epochs is not null || TimeLimit is not null))
                return ValidationResult.Error("--suite fewshot has a fixed plan: --methods, --splits, --epochs and --time-limit do not apply (use --datasets, --seeds, --sizes, --quick)");
            if (Splits is < 1) return ValidationResult.Error("--splits must be at least 1");
            if (Threads is < 1) return ValidationResult.Error("--threads must be at least 1");
            if (Epochs is < 1) return ValidationResult.Error("--epochs must be at least 1");
            if (TimeLimit is not null && !(TimeLimit > 0)) return ValidationResult.Error("--time-limit must be positive");
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(context);
        string command = BenchApp.Name + " " + string.Join(" ", context.Arguments);
        if (settings.Suite == BenchSuites.FewShotSuite) return RunFewShot(settings, command, console, cancellationToken);
        var budget = settings.Quick ? BenchBudget.Quick : BenchBudget.DefaultFor(settings.Suite);
        if (settings.Epochs is { } e) budget = budget with { Epochs = e };
        if (settings.TimeLimit is { } t) budget = budget with { TimeLimit = TimeSpan.FromSeconds(t) };
        bool uncertainty = settings.Suite == BenchSuites.UncertaintySuite;
        if (uncertainty && settings.Methods is not null) throw new DecoRegException("--methods does not apply to the uncertainty suite; choose its parts with --parts");
        if (!uncertainty && settings.Parts is not null) throw new DecoRegException("--parts applies to the uncertainty suite only");
        var parts = uncertainty ? Uncertainty.UncertaintyParts.Parse(settings.Parts) : [];
        var methods = uncertainty ? [] : BenchMethods.Parse(settings.Methods, settings.Suite);
        var request = new BenchRequest
        {
            Suite = settings.Suite,
            DataRoot = BenchSuites.FindDataRoot(settings.Data),
            Datasets = List(settings.Datasets),
            Splits = settings.Splits ?? (settings.Quick || settings.Suite is not (BenchSuites.UciSuite or BenchSuites.UncertaintySuite) ? 1 : 5),
            Methods = methods,
            OutDir = settings.Out,
            Quick = settings.Quick,
            Budget = budget,
            Threads = settings.Threads ?? 0,
            Command = command,
        };
        if (uncertainty) Uncertainty.UncertaintyRunner.Run(request, parts, settings.Epochs, line => console.WriteLine(line), cancellationToken);
        else BenchRunner.Run(request, line => console.WriteLine(line), cancellationToken);
        console.WriteLine($"reports: {Path.Combine(request.OutDir, request.Suite)}.md / .json / .png");
        return 0;
    }

    private static string[]? List(string? s) =>
        s is null ? null : s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The fewshot suite: its own plan, runner and report (no method grid, splits or budget options).</summary>
    private static int RunFewShot(Settings settings, string command, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var sizes = List(settings.Sizes)?.Select(s => int.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out int n) ? n
            : throw new DecoRegException($"--sizes: '{s}' is not a whole number")).ToArray();
        var request = new FewShotRequest
        {
            DataRoot = BenchSuites.FindDataRoot(settings.Data),
            OutDir = settings.Out,
            Datasets = List(settings.Datasets),
            Tasks = List(settings.Tasks),
            Seeds = settings.Seeds ?? (settings.Quick ? 1 : 3),
            Sizes = sizes ?? (settings.Quick ? [32] : FewShotPlan.DefaultSizes),
            Quick = settings.Quick,
            Threads = settings.Threads ?? 0,
            Command = command,
        };
        FewShotRunner.Run(request, line => console.WriteLine(line), cancellationToken);
        console.WriteLine($"reports: {Path.Combine(request.OutDir, FewShotStore.Stem)}.md / .json / .png");
        return 0;
    }
}
