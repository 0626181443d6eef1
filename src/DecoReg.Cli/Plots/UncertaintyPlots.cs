using DecoReg.Inference;
using DecoReg.Uncertainty;
using ScottPlot;

namespace DecoReg.Cli.Plots;

/// <summary>
/// The uncertainty figures of evaluate: coverage of central intervals against the nominal level before and after
/// conformal calibration (calibrated models), and the risk–coverage curves of the confidence scores.
/// </summary>
public static class UncertaintyPlots
{
    /// <summary>Writes the figures into <paramref name="dir"/> (reliability only for a calibrated model); returns the files.</summary>
    public static IReadOnlyList<string> WriteAll(string dir, DecodingRegressor model, IReadOnlyList<Distribution> predictions, IReadOnlyList<double> targets, string dataName)
    {
        ArgumentNullException.ThrowIfNull(model);
        string full = OutputFiles.EnsureDirectory(dir);
        var files = new List<string> { PlotWriter.Save(RiskCoverageCurves(predictions, targets, dataName), Path.Combine(full, "risk-coverage.png")) };
        if (model.Calibration is not null)
            files.Add(PlotWriter.Save(Reliability(model, predictions, targets, dataName), Path.Combine(full, "coverage-calibrated.png")));
        return files;
    }

    /// <summary>Observed coverage at the nominal levels 0.1 … 0.9 and the CQR grid's that the calibration serves: the model's own intervals and the conformal ones.</summary>
    public static Plot Reliability(DecodingRegressor model, IReadOnlyList<Distribution> predictions, IReadOnlyList<double> targets, string dataName)
    {
        ArgumentNullException.ThrowIfNull(model);
        var levels = Enumerable.Range(1, 9).Select(i => i / 10.0).Concat(ConformalQuantileRegression.Grid)
            .Distinct().Order().Where(model.Calibration!.Supports).ToArray();
        double Coverage(IReadOnlyList<PredictionInterval> intervals) => intervals.Select((iv, i) => iv.Contains(targets[i]) ? 1.0 : 0.0).Average();
        var before = levels.Select(l => Coverage(predictions.Select(d => d.Interval(l)).ToArray())).ToArray();
        var after = levels.Select(l => Coverage(model.Intervals(predictions, l))).ToArray();
        var plot = new Plot();
        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.Color = Colors.Gray;
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.LegendText = "nominal";
        var raw = plot.Add.Scatter(levels, before);
        raw.LegendText = "before calibration (model's intervals)";
        raw.LineWidth = 2;
        var calibrated = plot.Add.Scatter(levels, after);
        calibrated.LegendText = $"after (conformal {model.Calibration!.Method.ToString().ToUpperInvariant()} on {model.Calibration.Rows} rows)";
        calibrated.LineWidth = 2;
        plot.Axes.SetLimits(0, 1, 0, 1);
        plot.Title($"Coverage of central intervals before/after calibration: {dataName} ({predictions.Count} rows)");
        plot.XLabel("nominal coverage");
        plot.YLabel("observed coverage");
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    /// <summary>Risk (MSE of the accepted rows' mean) against the fraction of rows accepted, for each score and the oracle.</summary>
    public static Plot RiskCoverageCurves(IReadOnlyList<Distribution> predictions, IReadOnlyList<double> targets, string dataName)
    {
        var plot = new Plot();
        foreach (var score in ConfidenceScores.For(predictions))
        {
            var curve = SelectiveRegression.Curve(predictions, targets, score);
            var line = plot.Add.Scatter(curve.Coverage.ToArray(), curve.Risk.ToArray());
            line.MarkerSize = 0;
            line.LineWidth = 2;
            line.LegendText = $"{ConfidenceScores.Name(score)} (AURC {curve.Aurc:G4})";
        }
        var oracle = SelectiveRegression.Oracle(predictions, targets);
        var best = plot.Add.Scatter(oracle.Coverage.ToArray(), oracle.Risk.ToArray());
        best.MarkerSize = 0;
        best.Color = Colors.Gray;
        best.LinePattern = LinePattern.Dashed;
        best.LegendText = $"oracle (AURC {oracle.Aurc:G4})";
        plot.Title($"Risk–coverage: {dataName} ({predictions.Count} rows)");
        plot.XLabel("coverage (fraction of rows answered, most confident first)");
        plot.YLabel("risk: mean squared error of the answered rows");
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }
}
