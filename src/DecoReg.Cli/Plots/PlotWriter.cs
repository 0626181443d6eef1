using System.Globalization;
using DecoReg.Inference;
using DecoReg.Persistence;
using DecoReg.Training;
using ScottPlot;

namespace DecoReg.Cli.Plots;

/// <summary>
/// The figures of evaluate and demo (ScottPlot 5, PNG 800×600, titled, axes labelled): parity, calibration,
/// predictive densities of a few rows and training curves. Each file is written to a temporary name and then moved.
/// </summary>
public static class PlotWriter
{
    public const int Width = 800;
    public const int Height = 600;

    /// <summary>Writes every figure the inputs allow into <paramref name="dir"/>; returns the files written.</summary>
    public static IReadOnlyList<string> WriteAll(string dir, IReadOnlyList<Distribution> predictions, IReadOnlyList<double> targets,
        IReadOnlyList<string> rowIds, IReadOnlyList<TrainingProgress>? history, string dataName)
    {
        string full = OutputFiles.EnsureDirectory(dir);
        var files = new List<string>
        {
            Save(Parity(predictions, targets, dataName), Path.Combine(full, "parity.png")),
            Save(Calibration(predictions, targets, dataName), Path.Combine(full, "calibration.png")),
            Save(Densities(predictions, targets, rowIds, dataName), Path.Combine(full, "densities.png")),
        };
        if (history is { Count: > 0 }) files.Add(Save(TrainingCurves(history), Path.Combine(full, "training.png")));
        return files;
    }

    /// <summary>True vs predicted median, with the central 90 % interval as a vertical error bar, and y = x.</summary>
    public static Plot Parity(IReadOnlyList<Distribution> predictions, IReadOnlyList<double> targets, string dataName)
    {
        var plot = new Plot();
        int n = predictions.Count;
        var truth = targets.ToArray();
        var median = predictions.Select(d => d.Median).ToArray();
        var intervals = predictions.Select(d => d.Interval(0.9)).ToArray();
        var bars = new ScottPlot.Plottables.ErrorBar(truth, median, null, null,
            intervals.Select((iv, i) => median[i] - iv.Low).ToArray(),
            intervals.Select((iv, i) => iv.High - median[i]).ToArray());
        plot.Add.Plottable(bars);
        bars.Color = Colors.SteelBlue.WithAlpha(0.5);
        bars.LegendText = "90 % interval";
        var points = plot.Add.ScatterPoints(truth, median);
        points.Color = Colors.SteelBlue;
        points.MarkerSize = 5;
        points.LegendText = "predicted median";
        double lo = Math.Min(truth.Min(), intervals.Min(i => i.Low));
        double hi = Math.Max(truth.Max(), intervals.Max(i => i.High));
        var diagonal = plot.Add.Line(lo, lo, hi, hi);
        diagonal.Color = Colors.Black;
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.LegendText = "y = x";
        plot.Title($"Parity: {dataName} ({n} rows)");
        plot.XLabel("true value");
        plot.YLabel("predicted median (bars: central 90 % interval)");
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    /// <summary>Observed coverage of central intervals at nominal levels 0.1 … 0.9, against the diagonal.</summary>
    public static Plot Calibration(IReadOnlyList<Distribution> predictions, IReadOnlyList<double> targets, string dataName)
    {
        var levels = Enumerable.Range(1, 9).Select(i => i / 10.0).ToArray();
        var observed = levels.Select(level =>
            predictions.Select((d, i) => d.Interval(level).Contains(targets[i]) ? 1.0 : 0.0).Average()).ToArray();
        var plot = new Plot();
        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.Color = Colors.Gray;
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.LegendText = "perfect calibration";
        var line = plot.Add.Scatter(levels, observed);
        line.Color = Colors.OrangeRed;
        line.LineWidth = 2;
        line.MarkerSize = 7;
        line.LegendText = "model";
        plot.Axes.SetLimits(0, 1, 0, 1);
        plot.Title($"Calibration of central intervals: {dataName} ({predictions.Count} rows)");
        plot.XLabel("nominal coverage");
        plot.YLabel("observed coverage");
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    /// <summary>Predictive densities (as steps) of up to 4 rows (spread over the target range), true values marked.</summary>
    public static Plot Densities(IReadOnlyList<Distribution> predictions, IReadOnlyList<double> targets, IReadOnlyList<string> rowIds, string dataName)
    {
        var order = Enumerable.Range(0, predictions.Count).OrderBy(i => targets[i]).ToArray();
        int k = Math.Min(4, order.Length);
        var picked = Enumerable.Range(0, k).Select(j => order[(int)Math.Round((j + 0.5) * (order.Length - 1) / k)]).Distinct().ToArray();
        var palette = new ScottPlot.Palettes.Category10();
        var plot = new Plot();
        for (int j = 0; j < picked.Length; j++)
        {
            int i = picked[j];
            var d = predictions[i];
            var color = palette.GetColor(j);
            var (xs, ys) = Steps(d);
            var curve = plot.Add.Scatter(xs, ys);
            curve.Color = color;
            curve.LineWidth = 1.5f;
            curve.MarkerSize = 0;
            curve.LegendText = string.Create(CultureInfo.InvariantCulture, $"row {rowIds[i]} (true {targets[i]:G4})");
            var mark = plot.Add.VerticalLine(targets[i]);
            mark.Color = color;
            mark.LineWidth = 2;
            mark.LinePattern = LinePattern.Dashed;
        }
        plot.Axes.Margins(bottom: 0);
        plot.Title($"Predictive densities of {picked.Length} rows: {dataName} (dashed: true value)");
        plot.XLabel("target value");
        plot.YLabel("predictive density");
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    /// <summary>Train and validation loss per epoch, best epoch marked.</summary>
    public static Plot TrainingCurves(IReadOnlyList<TrainingProgress> history)
    {
        var epochs = history.Select(h => (double)h.Epoch).ToArray();
        var plot = new Plot();
        var train = plot.Add.Scatter(epochs, history.Select(h => h.TrainLoss).ToArray());
        train.LegendText = "train loss";
        train.LineWidth = 2;
        train.MarkerSize = history.Count > 30 ? 0 : 5;
        var valid = plot.Add.Scatter(epochs, history.Select(h => h.ValidationLoss).ToArray());
        valid.LegendText = "validation loss";
        valid.LineWidth = 2;
        valid.MarkerSize = history.Count > 30 ? 0 : 5;
        var best = history.Where(h => h.IsBest).Select(h => h.Epoch).DefaultIfEmpty(0).Last();
        if (best > 0)
        {
            var mark = plot.Add.VerticalLine(best);
            mark.Color = Colors.Gray;
            mark.LinePattern = LinePattern.Dotted;
            mark.LegendText = $"best epoch {best}";
        }
        plot.Title("Training curves");
        plot.XLabel("epoch");
        plot.YLabel("cross-entropy per number token (nats)");
        plot.ShowLegend(Alignment.LowerLeft); // train loss falls to the lower right, validation loss rises on the right
        return plot;
    }

    /// <summary>The outline of the density's steps (<see cref="Distribution.DensitySteps"/>: flat per bin, following a warped scaling inside bins).</summary>
    private static (double[] Xs, double[] Ys) Steps(Distribution d)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        var steps = d.DensitySteps();
        for (int i = 0; i < steps.Count; i++)
        {
            var (low, high, h) = steps[i];
            if (xs.Count == 0 || xs[^1] < low) { xs.Add(low); ys.Add(0); }
            xs.Add(low); ys.Add(h);
            xs.Add(high); ys.Add(h);
            if (i + 1 >= steps.Count || steps[i + 1].Low > high) { xs.Add(high); ys.Add(0); }
        }
        if (xs.Count == 0) { xs.Add(d.Mean); ys.Add(0); }
        return (xs.ToArray(), ys.ToArray());
    }

    /// <summary>
    /// Histogram of audit scores (−log p of each label under a model that did not train on it), with the score above
    /// which the top <paramref name="topFraction"/> of rows lie marked.
    /// </summary>
    public static Plot AuditScores(IReadOnlyList<double> scores, double topFraction, string dataName)
    {
        var plot = new Plot();
        var finite = scores.Where(double.IsFinite).ToArray();
        var histogram = ScottPlot.Statistics.Histogram.WithBinCount(40, finite.Min(), finite.Max() + 1e-9);
        histogram.AddRange(finite);
        plot.Add.Bars(histogram.Bins, histogram.Counts);
        double threshold = finite.OrderByDescending(s => s).ElementAt(Math.Max(0, (int)Math.Ceiling(topFraction * finite.Length) - 1));
        var line = plot.Add.VerticalLine(threshold);
        line.LegendText = string.Create(CultureInfo.InvariantCulture, $"top {topFraction:P0}");
        plot.Title($"label audit: {dataName}");
        plot.XLabel("audit score (higher = less plausible label)");
        plot.YLabel("rows");
        plot.ShowLegend();
        return plot;
    }

    /// <summary>Writes a figure as PNG (atomically) and returns its path.</summary>
    public static string Save(Plot plot, string path)
    {
        AtomicFile.Write(path, temp => plot.SavePng(temp, Width, Height), overwrite: true, "plot");
        return path;
    }
}
