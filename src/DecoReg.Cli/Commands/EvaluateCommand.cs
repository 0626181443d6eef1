using System.ComponentModel;
using DecoReg.Cli.Plots;
using DecoReg.Evaluation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DecoReg.Cli.Commands;

/// <summary>
/// <c>decoreg evaluate</c>: accuracy and calibration of a model's predictive distributions on labelled data, as a
/// table or as one JSON object (the MetricsReport keys), optionally with plots.
/// </summary>
public sealed class EvaluateCommand(IAnsiConsole console) : Command<EvaluateCommand.Settings>
{
    public sealed class Settings : ModelDataSettings
    {
        [CommandOption("--json")]
        [Description("Print one JSON object (rows, rmse, mae, r2, kendall_tau, spearman, nll, crps, coverage, interval_width) instead of a table.")]
        public bool Json { get; init; }

        [CommandOption("--plots <DIR>")]
        [Description("Write parity, calibration, density and training-curve plots (PNG) into this folder.")]
        public string? Plots { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        using var model = DecodingRegressor.Load(settings.Model);
        var prediction = settings.ToPredictionOptions(model);
        var data = ModelData.Labeled(model, settings);
        var distributions = model.PredictBatch(data.Features, prediction, settings.Task);
        var logLikelihoods = model.LogLikelihood(data, settings.Task);
        var report = RegressionMetrics.Compute(distributions, data.Targets, logLikelihoods);
        IReadOnlyList<string> plots = [];
        if (settings.Plots is not null)
            plots = PlotWriter.WriteAll(settings.Plots, distributions, data.Targets, ModelData.RowIds(data.Features), model.TrainingReport?.History, data.Name);
        if (settings.Json)
        {
            console.Profile.Out.Writer.WriteLine(report.ToJson());
            return ErrorHandling.Ok;
        }
        console.Write(MetricsView.Build(report, $"{data.Name}: {data.RowCount} rows"));
        foreach (var p in plots) console.WriteLine($"wrote {p}");
        return ErrorHandling.Ok;
    }
}
