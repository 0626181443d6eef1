using ScottPlot;

namespace DecoReg.Bench.FewShot;

/// <summary>
/// <c>fewshot.png</c>: one column per held-out task, Spearman ρ against n (log2 axis) on top and NLL against n below;
/// pretrained and scratch means over seeds with min–max bars, the all-rows models as horizontal lines.
/// </summary>
public static class FewShotPlot
{
    private static readonly (string Metric, Func<FewShotRun, double> Value)[] Rows =
        [("Spearman ρ (higher is better)", r => r.Spearman), ("NLL per test point (lower is better)", r => r.Nll)];

    public static void Save(IReadOnlyList<FewShotTaskRuns> tasks, string path)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var palette = new ScottPlot.Palettes.Category10();
        var multiplot = new Multiplot();
        multiplot.AddPlots(Rows.Length * tasks.Count);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(Rows.Length, tasks.Count);
        for (int row = 0; row < Rows.Length; row++)
            for (int col = 0; col < tasks.Count; col++)
            {
                var t = tasks[col];
                var plot = multiplot.GetPlot(row * tasks.Count + col);
                var (metric, value) = Rows[row];
                Curve(plot, t, FewShotRun.Pretrained, value, palette.GetColor(0));
                Curve(plot, t, FewShotRun.Scratch, value, palette.GetColor(1));
                Reference(plot, t, FewShotRun.PretrainedAll, value, palette.GetColor(0));
                Reference(plot, t, FewShotRun.ScratchAll, value, palette.GetColor(1));
                var sizes = t.Sizes;
                plot.Axes.Bottom.SetTicks(sizes.Select(n => Math.Log2(n)).ToArray(), sizes.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
                plot.Axes.Bottom.Label.Text = "n (training rows of the task, log2 scale)";
                plot.Axes.Left.Label.Text = metric;
                plot.Title($"{t.Dataset}: {t.Task}");
                if (col == 0)
                {
                    plot.ShowLegend(row == 0 ? Alignment.LowerRight : Alignment.UpperRight);
                    plot.Legend.FontSize = 10;
                }
                else plot.HideLegend();
            }
        multiplot.SavePng(path, Math.Max(700, 420 * tasks.Count), 900);
    }

    private static void Curve(Plot plot, FewShotTaskRuns t, string variant, Func<FewShotRun, double> value, Color color)
    {
        var points = t.Sizes.Select(n => (X: Math.Log2(n), S: t.Spread(variant, n, value))).Where(p => p.S.Count > 0).ToArray();
        if (points.Length == 0) return;
        double[] xs = points.Select(p => p.X).ToArray(), ys = points.Select(p => p.S.Mean).ToArray();
        var line = plot.Add.Scatter(xs, ys, color);
        line.LegendText = $"{variant} (mean, min–max over seeds)";
        var bars = new ScottPlot.Plottables.ErrorBar(xs, ys, null, null,
            points.Select(p => p.S.Mean - p.S.Min).ToArray(), points.Select(p => p.S.Max - p.S.Mean).ToArray()) { Color = color };
        plot.Add.Plottable(bars);
    }

    private static void Reference(Plot plot, FewShotTaskRuns t, string variant, Func<FewShotRun, double> value, Color color)
    {
        var s = t.Spread(variant, null, value);
        if (s.Count == 0) return;
        var line = plot.Add.HorizontalLine(s.Mean, color: color, pattern: LinePattern.Dashed);
        line.LegendText = $"{variant} (all rows)";
    }
}
