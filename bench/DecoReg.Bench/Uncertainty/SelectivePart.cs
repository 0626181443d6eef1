using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DecoReg.Uncertainty;
using ScottPlot;

namespace DecoReg.Bench.Uncertainty;

/// <summary>
/// Selective regression: the area under the risk–coverage curve (<see cref="RiskCoverage"/>; risk = mean squared error
/// of the accepted rows' predictive mean, and mean absolute error of their median) on the test rows, for each of
/// DecoReg's <see cref="ConfidenceScores"/>, the Gaussian head ranked by its σ, and LightGBM, whose constant σ ranks
/// nothing (ties are taken in random order, so its AURC is its MSE: the random-order value); with the oracle (rows
/// ranked by their own error) as the floor.
/// </summary>
public sealed class SelectivePart : IUncertaintyPart
{
    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;
    private static readonly string[] Baselines = ["gaussian", "lightgbm"];

    public string Name => "selective";

    private static IEnumerable<string> Scores => ConfidenceScores.All.Select(ConfidenceScores.Name);

    public JsonObject Run(UncertaintySplit split)
    {
        ArgumentNullException.ThrowIfNull(split);
        var y = split.Test.Targets;
        var test = split.DecoReg.Test;
        var squared = RiskCoverage.SquaredErrors(test.Select(d => d.Mean).ToArray(), y);
        var absolute = RiskCoverage.AbsoluteErrors(test.Select(d => d.Median).ToArray(), y);
        var metrics = new JsonObject
        {
            ["mse"] = squared.Average(),
            ["aurc_oracle"] = RiskCoverage.Oracle(squared).Aurc,
            ["aurc_abs_oracle"] = RiskCoverage.Oracle(absolute).Aurc,
        };
        var calibration = split.DecoReg.Calibration;
        var calibrationErrors = RiskCoverage.SquaredErrors(calibration.Select(d => d.Mean).ToArray(), split.Calibration.Targets);
        foreach (var score in ConfidenceScores.For(test))
        {
            var s = ConfidenceScores.Of(test, score);
            metrics[$"aurc_{ConfidenceScores.Name(score)}"] = RiskCoverage.Of(s, squared).Aurc;
            metrics[$"aurc_abs_{ConfidenceScores.Name(score)}"] = RiskCoverage.Of(s, absolute).Aurc;
            metrics[$"aurc_cal_{ConfidenceScores.Name(score)}"] = RiskCoverage.Of(ConfidenceScores.Of(calibration, score), calibrationErrors).Aurc;
        }
        foreach (var method in Baselines)
        {
            var predictions = split.Baseline(method);
            var errors = RiskCoverage.SquaredErrors(predictions.Select(d => d.Mean).ToArray(), y);
            var std = ConfidenceScores.Of(predictions, ConfidenceScore.StdDev);
            metrics[$"mse_{method}"] = errors.Average();
            metrics[$"aurc_{method}"] = RiskCoverage.Of(std, errors).Aurc;
            metrics[$"aurc_abs_{method}"] = RiskCoverage.Of(std, RiskCoverage.AbsoluteErrors(predictions.Select(d => d.Median).ToArray(), y)).Aurc;
        }
        return metrics;
    }

    public string Line(UncertaintyRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return string.Create(Ci, $"{run.Dataset} split {run.Split} selective: AURC std {run["aurc_std"]:G4}, width90 {run["aurc_width90"]:G4}, gaussian {run["aurc_gaussian"]:G4}, lightgbm {run["aurc_lightgbm"]:G4} (oracle {run["aurc_oracle"]:G4})");
    }

    /// <summary>
    /// Per split, the test AURC of the score with the lowest AURC on that split's calibration rows (an honest pick: the
    /// test rows play no part in it); NaN for runs recorded without calibration AURCs.
    /// </summary>
    private static double CalibrationPicked(UncertaintyRun run)
    {
        var named = Scores.Select(s => (s, Cal: run[$"aurc_cal_{s}"])).Where(p => !double.IsNaN(p.Cal)).ToArray();
        return named.Length == 0 ? double.NaN : run[$"aurc_{named.MinBy(p => p.Cal).s}"];
    }

    /// <summary>The DecoReg score with the lowest mean AURC on a data set (chosen on the test rows: an optimistic pick, so the report also gives the fixed std score).</summary>
    private static (string Score, double Aurc) Best(IEnumerable<UncertaintyRun> set) =>
        Scores.Select(s => (s, UncertaintyRun.Over(set, $"aurc_{s}").Mean)).MinBy(p => p.Item2);

    public void Report(StringBuilder sb, IReadOnlyList<UncertaintyRun> runs, IReadOnlyList<UncertaintyRun> all)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(runs);
        sb.AppendLine("## Selective regression").AppendLine();
        sb.AppendLine("Same splits and models as above (DecoReg and the baselines trained on the proper training rows), scored on the test rows. " +
            "Rows are accepted from the most confident; risk at coverage k/n = mean squared error of the accepted rows' predictive mean; AURC = mean risk over k = 1 … n (lower is better; ties in the score are taken in random order, in expectation). " +
            "DecoReg scores: `std` predictive standard deviation, `width90` central 90 % interval width, `iqr` central 50 % width, `entropy` differential entropy of the piecewise-uniform density, `disagreement` standard deviation of the ensemble members' means. " +
            "`picked on calibration rows`: in each split, the test AURC of the score with the lowest AURC on that split's calibration rows. " +
            "`gaussian`: the Gaussian head ranked by its σ. `lightgbm`: one σ for every row, so its ranking is uninformative and its AURC is the random-order value, its MSE. `oracle`: DecoReg's rows ranked by their own error (the floor).").AppendLine();
        sb.AppendLine("| data set | splits | DecoReg MSE | oracle | " + string.Join(" | ", Scores) + " | picked on calibration rows | gaussian | lightgbm (= its MSE) | best DecoReg score |");
        sb.AppendLine("|---|---|---|---|" + string.Concat(Scores.Select(_ => "---|")) + "---|---|---|---|");
        int wins = 0, winsStd = 0, winsPicked = 0, sets = 0;
        var winners = new List<string>();
        foreach (var set in runs.GroupBy(r => r.Dataset))
        {
            var (best, bestAurc) = Best(set);
            double gaussian = UncertaintyRun.Over(set, "aurc_gaussian").Mean, lightgbm = UncertaintyRun.Over(set, "aurc_lightgbm").Mean;
            double std = UncertaintyRun.Over(set, "aurc_std").Mean;
            sets++;
            if (bestAurc < gaussian && bestAurc < lightgbm) { wins++; winners.Add(set.Key); }
            if (std < gaussian && std < lightgbm) winsStd++;
            var picked = Summary.Of(set.Select(CalibrationPicked).Where(v => !double.IsNaN(v)).ToArray());
            if (picked.Mean < gaussian && picked.Mean < lightgbm) winsPicked++;
            sb.AppendLine($"| {set.Key} | {set.Count()} | {UncertaintyRun.Over(set, "mse").Format()} | {UncertaintyRun.Over(set, "aurc_oracle").Format()} | " +
                string.Join(" | ", Scores.Select(s => UncertaintyRun.Over(set, $"aurc_{s}").Format())) +
                $" | {picked.Format()} | {UncertaintyRun.Over(set, "aurc_gaussian").Format()} | {UncertaintyRun.Over(set, "aurc_lightgbm").Format()} | {best} |");
        }
        sb.AppendLine();
        sb.AppendLine("Absolute error (risk = mean |y − median| of the accepted rows), AURC:").AppendLine();
        sb.AppendLine("| data set | oracle | " + string.Join(" | ", Scores) + " | gaussian | lightgbm |");
        sb.AppendLine("|---|---|" + string.Concat(Scores.Select(_ => "---|")) + "---|---|");
        foreach (var set in runs.GroupBy(r => r.Dataset))
            sb.AppendLine($"| {set.Key} | {UncertaintyRun.Over(set, "aurc_abs_oracle").Format()} | " +
                string.Join(" | ", Scores.Select(s => UncertaintyRun.Over(set, $"aurc_abs_{s}").Format())) +
                $" | {UncertaintyRun.Over(set, "aurc_abs_gaussian").Format()} | {UncertaintyRun.Over(set, "aurc_abs_lightgbm").Format()} |");
        sb.AppendLine();
        sb.AppendLine($"Target: DecoReg's best score's AURC below the Gaussian head's and LightGBM's on ≥ 5 of 7 sets: **{(wins >= 5 ? "met" : "not met")}** ({wins} of {sets}{(winners.Count > 0 ? ": " + string.Join(", ", winners) : "")}). " +
            $"The best score is picked on the test rows (optimistic); with the score each split picks on its calibration rows (honest): {winsPicked} of {sets}; with the fixed `std` score: {winsStd} of {sets}.").AppendLine();
    }

    /// <summary>AURC relative to LightGBM's (the random-order value) per data set: DecoReg's scores and the Gaussian head.</summary>
    public Plot? Plot(IReadOnlyList<UncertaintyRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var sets = runs.Select(r => r.Dataset).Distinct().ToArray();
        if (sets.Length == 0) return null;
        var series = Scores.Append("gaussian").ToArray();
        var palette = new ScottPlot.Palettes.Category10();
        var plot = new Plot();
        var bars = new List<Bar>();
        double group = 0.8, width = group / series.Length;
        for (int d = 0; d < sets.Length; d++)
        {
            var set = runs.Where(r => r.Dataset == sets[d]).ToArray();
            double reference = UncertaintyRun.Over(set, "aurc_lightgbm").Mean;
            for (int m = 0; m < series.Length; m++)
            {
                double v = UncertaintyRun.Over(set, $"aurc_{series[m]}").Mean / reference;
                if (!double.IsFinite(v)) continue;
                bars.Add(new Bar { Position = d - group / 2 + width * (m + 0.5), Value = v, Size = width * 0.9, FillColor = palette.GetColor(m) });
            }
        }
        plot.Add.Bars(bars);
        var one = plot.Add.HorizontalLine(1.0);
        one.Color = Colors.Black;
        one.LinePattern = LinePattern.Dashed;
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, sets.Length).Select(i => (double)i).ToArray(), sets);
        plot.Axes.Left.Label.Text = "AURC / LightGBM's AURC (its MSE; lower is better)";
        plot.Title("Selective regression: area under the risk–coverage curve (squared error), relative to LightGBM");
        for (int m = 0; m < series.Length; m++)
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = series[m], FillColor = palette.GetColor(m) });
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }
}
