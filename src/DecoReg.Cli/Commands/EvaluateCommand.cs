using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DecoReg.Cli.Plots;
using DecoReg.Evaluation;
using DecoReg.Uncertainty;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DecoReg.Cli.Commands;

/// <summary>
/// <c>decoreg evaluate</c>: accuracy and calibration of a model's predictive distributions on labelled data, as a
/// table or as one JSON object (the MetricsReport keys, plus the AURC of each confidence score and, for a calibrated
/// model, the coverage of the uncalibrated intervals), optionally with plots. A calibrated model's coverage and widths
/// are those of its conformal intervals.
/// </summary>
public sealed class EvaluateCommand(IAnsiConsole console) : Command<EvaluateCommand.Settings>
{
    public sealed class Settings : ModelDataSettings
    {
        [CommandOption("--json")]
        [Description("Print one JSON object (rows, rmse, mae, r2, kendall_tau, spearman, nll, crps, coverage, interval_width, aurc, calibrated; calibrated models also coverage_uncalibrated, interval_width_uncalibrated, calibration_rows, calibration_method) instead of a table.")]
        public bool Json { get; init; }

        [CommandOption("--plots <DIR>")]
        [Description("Write parity, calibration (before/after conformal calibration when calibrated), risk–coverage, density and training-curve plots (PNG) into this folder.")]
        public string? Plots { get; init; }

        [CommandOption("--interval <LEVEL>")]
        [Description("Also report coverage and width of the central interval at this level in (0, 1) (besides 0.5, 0.9, 0.95); a CQR-calibrated model has intervals at 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98, 0.99 only.")]
        public double? Interval { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Interval is double l) ConformalRank.CheckLevel(l);
        var levels = RegressionMetrics.DefaultLevels.Concat(settings.Interval is double extra ? [extra] : []).Distinct().Order().ToArray();
        using var model = DecodingRegressor.Load(settings.Model);
        foreach (var level in levels) model.Calibration?.CheckLevel(level);
        var prediction = settings.ToPredictionOptions(model);
        var data = ModelData.Labeled(model, settings);
        var distributions = model.PredictBatch(data.Features, prediction, settings.Task);
        var logLikelihoods = model.LogLikelihood(data, settings.Task);
        var report = RegressionMetrics.Compute(distributions, data.Targets, logLikelihoods, levels, model.Intervals);
        var uncalibrated = model.Calibration is null ? null : RegressionMetrics.Compute(distributions, data.Targets, logLikelihoods, levels);
        var aurc = SelectiveRegression.Aurc(distributions, data.Targets);
        var plots = new List<string>();
        if (settings.Plots is not null)
        {
            plots.AddRange(PlotWriter.WriteAll(settings.Plots, distributions, data.Targets, ModelData.RowIds(data.Features), model.TrainingReport?.History, data.Name));
            plots.AddRange(UncertaintyPlots.WriteAll(settings.Plots, model, distributions, data.Targets, data.Name));
        }
        if (settings.Json)
        {
            console.Profile.Out.Writer.WriteLine(Json(report, uncalibrated, aurc, model.Calibration));
            return ErrorHandling.Ok;
        }
        var table = MetricsView.Build(report, $"{data.Name}: {data.RowCount} rows{(model.Calibration is null ? "" : $" (conformal intervals, {CalibrateCommand.Name(model.Calibration.Method)})")}");
        foreach (var level in (uncalibrated?.Coverage.Keys ?? []).Order())
        {
            string pct = (level * 100).ToString("0.##", CultureInfo.InvariantCulture);
            table.AddRow($"{pct} % coverage before calibration", MetricsView.F(uncalibrated!.Coverage[level]));
            table.AddRow($"{pct} % mean width before calibration", MetricsView.F(uncalibrated.IntervalWidth[level]));
        }
        foreach (var (name, value) in aurc)
            table.AddRow($"AURC (squared error) by {name}", MetricsView.F(value));
        console.Write(table);
        foreach (var p in plots) console.WriteLine($"wrote {p}");
        return ErrorHandling.Ok;
    }

    /// <summary>The MetricsReport's JSON keys unchanged, plus aurc, calibrated and (calibrated models) the uncalibrated coverage.</summary>
    private static string Json(MetricsReport report, MetricsReport? uncalibrated, IReadOnlyDictionary<string, double> aurc, ConformalCalibration? calibration)
    {
        var root = JsonNode.Parse(report.ToJson())!.AsObject();
        root["aurc"] = new JsonObject(aurc.Select(kv => KeyValuePair.Create(kv.Key, double.IsFinite(kv.Value) ? (JsonNode?)kv.Value : null)));
        root["calibrated"] = calibration is not null;
        if (uncalibrated is not null && calibration is not null)
        {
            var before = JsonNode.Parse(uncalibrated.ToJson())!.AsObject();
            root["coverage_uncalibrated"] = before["coverage"]!.DeepClone();
            root["interval_width_uncalibrated"] = before["interval_width"]!.DeepClone();
            root["calibration_rows"] = calibration.Rows;
            root["calibration_method"] = CalibrateCommand.Name(calibration.Method);
        }
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
