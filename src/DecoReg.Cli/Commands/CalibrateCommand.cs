using System.ComponentModel;
using System.Globalization;
using DecoReg.Evaluation;
using DecoReg.Uncertainty;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DecoReg.Cli.Commands;

/// <summary>
/// <c>decoreg calibrate</c>: split-conformal calibration of a model's intervals on held-out labelled rows (rows it did
/// not train on) by CQR (default) or centred PIT (--method); the calibration is stored in a new model file (or, with
/// --force and no --out, the same one, replaced atomically). Prints the 50/90/95 % coverage on the calibration rows
/// before and after (after is in-sample).
/// </summary>
public sealed class CalibrateCommand(IAnsiConsole console) : Command<CalibrateCommand.Settings>
{
    /// <summary>The highest level evaluate reports by default: calibration needs enough rows for it.</summary>
    public const double RequiredLevel = 0.95;

    public sealed class Settings : DataSettings
    {
        [CommandOption("-m|--model <FILE>")]
        [Description("Model file to calibrate.")]
        [DefaultValue("model.decoreg")]
        public string Model { get; init; } = "model.decoreg";

        [CommandOption("-o|--out <FILE>")]
        [Description("Calibrated model file to write (default: rewrite --model in place, which needs --force).")]
        public string? Out { get; init; }

        [CommandOption("--task <NAME>")]
        [Description("Multi-task models: the task of every row (calibration is marginal over the rows given, not per task).")]
        public string? Task { get; init; }

        [CommandOption("--method <METHOD>")]
        [Description("Conformal rule stored: cqr (conformalized quantile regression; intervals at 50, 60, 70, 80, 85, 90, 95, 98, 99 %) or pit (centred PIT; any level).")]
        [DefaultValue("cqr")]
        public string Method { get; init; } = "cqr";

        [CommandOption("-f|--force")]
        [Description("Overwrite an existing output file (or the model itself when no --out is given).")]
        public bool Force { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var method = ParseMethod(settings.Method);
        string target = settings.Out ?? settings.Model;
        if (settings.Out is null && !settings.Force)
            throw new DecoRegException($"{settings.Model}: give --out FILE for the calibrated model, or --force to rewrite the model in place");
        OutputFiles.CheckWritable(target, settings.Force, "model file");
        using var model = DecodingRegressor.Load(settings.Model);
        var data = ModelData.Labeled(model, settings);
        int needed = ConformalRank.MinimumRows(RequiredLevel);
        if (data.RowCount < needed)
            throw new DecoRegException(string.Create(CultureInfo.InvariantCulture,
                $"{data.Name}: {data.RowCount} calibration rows; calibration needs at least {needed} (the fewest for a finite {RequiredLevel * 100:0} % interval; {ConformalRank.MinimumRows(0.9)} would do for 90 %)"));
        using var calibrated = model.Calibrate(data, settings.Task, method);
        var distributions = model.PredictBatch(data.Features, null, settings.Task);
        var before = RegressionMetrics.Compute(distributions, data.Targets);
        var after = RegressionMetrics.Compute(distributions, data.Targets, intervals: calibrated.Intervals);
        calibrated.Save(target, overwrite: settings.Force);

        var table = new Table().Title($"{data.Name}: {data.RowCount} calibration rows, {Name(method)}").AddColumns("interval", "coverage before", "coverage after (in-sample)", "mean width before", "mean width after");
        foreach (var level in before.Coverage.Keys.Order())
            table.AddRow((level * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %", MetricsView.F(before.Coverage[level]), MetricsView.F(after.Coverage[level]),
                MetricsView.F(before.IntervalWidth[level]), MetricsView.F(after.IntervalWidth[level]));
        console.Write(table);
        console.WriteLine("After calibration the coverage on these rows is in-sample; on new rows like them it is at least the nominal level (split conformal, marginal over rows).");
        var aurc = SelectiveRegression.Aurc(distributions, data.Targets);
        string abstain = ConfidenceScores.Name(calibrated.Learned.Calibration!.Score);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"abstention score (predict --coverage-target): {abstain}, the best at ranking these rows' errors (AURC {aurc[abstain]:G4}; std {aurc["std"]:G4}, random order {aurc["random"]:G4})"));
        console.WriteLine($"wrote {target}");
        return ErrorHandling.Ok;
    }

    /// <summary>The --method value: cqr or pit (any case).</summary>
    public static ConformalMethod ParseMethod(string? text) => (text ?? "").Trim().ToLowerInvariant() switch
    {
        "cqr" => ConformalMethod.Cqr,
        "pit" => ConformalMethod.Pit,
        _ => throw new DecoRegException($"--method: '{text}' is not a conformal rule; expected cqr (conformalized quantile regression, the default) or pit (centred PIT)"),
    };

    /// <summary>How the rule is named in output and JSON: cqr or pit.</summary>
    public static string Name(ConformalMethod method) => method == ConformalMethod.Cqr ? "cqr" : "pit";
}
