using System.ComponentModel;
using System.Globalization;
using DecoReg.Uncertainty;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DecoReg.Cli.Commands;

/// <summary>
/// <c>decoreg predict</c>: one CSV row per input row with the predictive mean, median, standard deviation and the
/// requested quantiles (with --interval an interval, conformal when the model is calibrated; with --max-width or
/// --coverage-target an abstain column); written atomically to --out (never left partial) or to stdout.
/// </summary>
public sealed class PredictCommand(IAnsiConsole console) : Command<PredictCommand.Settings>
{
    public sealed class Settings : ModelDataSettings
    {
        [CommandOption("-o|--out <FILE>")]
        [Description("CSV file to write (default: standard output).")]
        public string? Out { get; init; }

        [CommandOption("-q|--quantiles <LEVELS>")]
        [Description("Comma-separated quantile levels in (0, 1), one column each (e.g. q0.05).")]
        [DefaultValue("0.05,0.5,0.95")]
        public string Quantiles { get; init; } = "0.05,0.5,0.95";

        [CommandOption("--id <COL>")]
        [Description("Column whose values identify the rows in the output (default: 1-based row number in the data).")]
        public string? Id { get; init; }

        [CommandOption("-f|--force")]
        [Description("Overwrite an existing output file.")]
        public bool Force { get; init; }

        [CommandOption("--interval <LEVEL>")]
        [Description("Add the central interval at this level in (0, 1) as columns lower<L>, upper<L>: conformal when the model is calibrated (decoreg calibrate; with CQR, the default, one of 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98, 0.99), else the model's own.")]
        public double? Interval { get; init; }

        [CommandOption("--max-width <W>")]
        [Description("Add an abstain column (1 = abstain): rows whose interval (at --interval, default 0.9) is wider than W, in the target's units.")]
        public double? MaxWidth { get; init; }

        [CommandOption("--coverage-target <C>")]
        [Description("Add an abstain column: answer about this fraction of rows (above 0, at most 1), the least uncertain by predictive std (threshold from the calibration rows when the model is calibrated, else from these rows).")]
        public double? CoverageTarget { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var levels = ParseLevels(settings.Quantiles);
        double? intervalLevel = settings.Interval ?? (settings.MaxWidth is null ? null : 0.9);
        if (intervalLevel is double l) ConformalRank.CheckLevel(l);
        if (settings.Out is not null) OutputFiles.CheckWritable(settings.Out, settings.Force);
        using var model = DecodingRegressor.Load(settings.Model);
        if (intervalLevel is double asked) model.Calibration?.CheckLevel(asked);
        var prediction = settings.ToPredictionOptions(model);
        var (features, ids) = ModelData.Features(model, settings, settings.Id);
        var distributions = model.PredictBatch(features, prediction, settings.Task);
        var intervals = intervalLevel is double level ? model.Intervals(distributions, level) : null;
        var abstain = Abstain(settings, model, distributions, intervals);

        var header = new List<string> { settings.Id ?? "row", "mean", "median", "std" };
        header.AddRange(levels.Select(q => "q" + CliNumbers.Format(q)));
        if (intervalLevel is double shown) header.AddRange(["lower" + CliNumbers.Format(shown), "upper" + CliNumbers.Format(shown)]);
        if (abstain is not null) header.Add("abstain");
        var rows = distributions.Select((d, i) =>
        {
            var values = new[] { d.Mean, d.Median, d.StdDev }.Concat(levels.Select(d.Quantile));
            if (intervals is not null) values = values.Concat([intervals[i].Low, intervals[i].High]);
            var cells = new[] { ids[i] }.Concat(values.Select(CliNumbers.Format));
            return abstain is null ? cells : cells.Append(abstain[i] ? "1" : "0");
        });
        OutputFiles.WriteOrPrint(console, settings.Out, CsvText.Build(header, rows), settings.Force);
        return ErrorHandling.Ok;
    }

    /// <summary>Rows to abstain on by --max-width and/or --coverage-target (either one abstains), or null when neither is given.</summary>
    private static bool[]? Abstain(Settings s, DecodingRegressor model, IReadOnlyList<Inference.Distribution> distributions, IReadOnlyList<Inference.PredictionInterval>? intervals)
    {
        bool[]? byWidth = s.MaxWidth is double w ? Abstention.ByWidth(intervals!, w) : null;
        bool[]? byCoverage = null;
        if (s.CoverageTarget is double c)
        {
            var calibration = model.Calibration;
            var score = calibration?.Score ?? ConfidenceScore.StdDev;
            byCoverage = Abstention.ByCoverage(ConfidenceScores.Of(distributions, score), c, calibration?.Scores);
        }
        if (byWidth is null) return byCoverage;
        return byCoverage is null ? byWidth : byWidth.Select((a, i) => a || byCoverage[i]).ToArray();
    }

    /// <summary>Quantile levels from "0.05,0.5,0.95": each in (0, 1), duplicates removed, order kept.</summary>
    public static double[] ParseLevels(string text)
    {
        var parts = (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) throw new DecoRegException("--quantiles: expected levels such as 0.05,0.5,0.95");
        var levels = new List<double>();
        foreach (var p in parts)
        {
            if (!double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out double q) || !(q > 0 && q < 1))
                throw new DecoRegException($"--quantiles: '{p}' is not a level in (0, 1); expected e.g. 0.05,0.5,0.95");
            if (!levels.Contains(q)) levels.Add(q);
        }
        return levels.ToArray();
    }
}
