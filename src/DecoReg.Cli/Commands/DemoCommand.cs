using System.ComponentModel;
using System.Globalization;
using DecoReg.Cli.Plots;
using DecoReg.Data;
using DecoReg.Evaluation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DecoReg.Cli.Commands;

/// <summary>
/// <c>decoreg demo</c>: trains on the bundled UCI concrete data (split 0) with the library's default options, then
/// compares test RMSE, NLL and 90 % interval coverage with a predict-the-training-mean baseline
/// (<see cref="ConstantGaussian"/>). A 120 s training time limit keeps it under ~3 minutes on 2 cores.
/// </summary>
public sealed class DemoCommand(IAnsiConsole console) : Command<DemoCommand.Settings>
{
    /// <summary>Folder of the bundled demo data, relative to the repository root or the program's folder.</summary>
    public const string DataFolder = "data/concrete";

    public sealed class Settings : CommandSettings
    {
        [CommandOption("--plots <DIR>")]
        [Description("Write parity, calibration, density and training-curve plots (PNG) into this folder.")]
        public string? Plots { get; init; }

        [CommandOption("--epochs <N>")]
        [Description("Maximum number of training epochs (default: the library's, by data size: 100 here, with early stopping).")]
        public int? Epochs { get; init; }

        [CommandOption("--seed <S>")]
        [Description("Training seed. Default 0.")]
        public int? Seed { get; init; }

        [CommandOption("--time-limit <SECONDS>")]
        [Description("Training time limit in seconds. Default 120.")]
        [DefaultValue(120.0)]
        public double TimeLimit { get; init; } = 120;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!(settings.TimeLimit > 0)) throw new DecoRegException("--time-limit: expected a positive number of seconds.");
        var training = new RegressorOptions().Training with { TimeLimit = TimeSpan.FromSeconds(settings.TimeLimit) };
        if (settings.Epochs is int e) training = training with { Epochs = e };
        if (settings.Seed is int s) training = training with { Seed = s };
        training.Validate();
        var options = new RegressorOptions { Training = training };
        if (settings.Plots is not null) OutputFiles.EnsureDirectory(settings.Plots);

        string dir = FindData();
        var (train, test) = UciDataset.LoadSplit(dir, 0);
        console.WriteLine($"DecoReg demo: UCI concrete compressive strength (MPa), split 0: {train.RowCount} training rows " +
                          $"(10 % held out for early stopping), {test.RowCount} test rows, {train.Features.ColumnCount} features.");

        using var model = TrainingDisplay.Train(console,
            progress => DecodingRegressor.Train(train, options, null, progress, cancellationToken), training.Epochs);
        var report = model.TrainingReport!;
        TrainingDisplay.Summary(console, report, model.Learned, model.Network, null);

        var predictions = model.PredictBatch(test.Features);
        var metrics = RegressionMetrics.Compute(predictions, test.Targets, model.LogLikelihood(test));
        var baseline = ConstantGaussian.Fit(train.Targets);

        var table = new Spectre.Console.Table().Title($"test set ({test.RowCount} rows)").AddColumns("", "DecoReg", "baseline: training mean");
        table.Columns[1].RightAligned();
        table.Columns[2].RightAligned();
        table.AddRow("RMSE (MPa)", F(metrics.Rmse), F(baseline.Rmse(test.Targets)));
        table.AddRow("NLL (per row, MPa units)", F(metrics.Nll), F(baseline.Nll(test.Targets)));
        table.AddRow("90 % interval coverage", F(metrics.Coverage[0.9]), F(baseline.Coverage(test.Targets, 0.9)));
        table.AddRow("90 % interval mean width (MPa)", F(metrics.IntervalWidth[0.9]), F(baseline.Width(0.9)));
        console.Write(table);
        console.WriteLine("baseline: a Gaussian with the training targets' mean and standard deviation, the same for every row.");

        if (settings.Plots is not null)
        {
            var files = PlotWriter.WriteAll(settings.Plots, predictions, test.Targets, ModelData.RowIds(test.Features),
                report.History, "UCI concrete, split 0 test");
            foreach (var f in files) console.WriteLine($"wrote {f}");
        }
        return ErrorHandling.Ok;
    }

    /// <summary>The bundled data folder: beside the program (copied at build) or data/concrete in a parent of the
    /// working folder or of the program's folder.</summary>
    public static string FindData()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                string candidate = Path.Combine(d.FullName, DataFolder);
                if (File.Exists(Path.Combine(candidate, "data.txt"))) return candidate;
            }
        }
        throw new DecoRegException(
            $"the demo data folder '{DataFolder}' was not found beside the program or in a parent of '{Directory.GetCurrentDirectory()}'; run from the repository.");
    }

    private static string F(double v) => MetricsView.F(v);
}
