using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DecoReg.Uncertainty;
using ScottPlot;

namespace DecoReg.Bench.Uncertainty;

/// <summary>
/// Label audit: on split 0 of each set, <see cref="Fraction"/> of the proper training rows get a gross label error
/// (<see cref="LabelCorruption"/>: ±3–6 standard deviations of the target, seed <see cref="CorruptionSeed"/>); the rows
/// are cross-fitted in <see cref="Folds"/> folds (DecoReg defaults, the set's epoch budget) and ranked by
/// <see cref="LabelAudit"/>. Scores: AUROC of finding the injected errors, and precision among the top 5 % — for the
/// surprise −log p(y) and the PIT tail score.
/// </summary>
public sealed class AuditPart : IUncertaintyPart
{
    public const double Fraction = 0.05;
    public const int Folds = 5, CorruptionSeed = 20250301, Bins = 30;

    /// <summary>The issue's targets: AUROC ≥ 0.9 and precision at the top 5 % ≥ 0.7 on ≥ 5 of 7 sets.</summary>
    public const double AurocTarget = 0.9, PrecisionTarget = 0.7;
    public const int SetsTarget = 5;

    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;
    private static readonly AuditScore[] Scores = [AuditScore.Surprise, AuditScore.Tail];

    public string Name => "audit";

    public bool AppliesTo(string dataset, int split) => split == 0;

    private static string Key(AuditScore s) => s.ToString().ToLowerInvariant();

    public JsonObject Run(UncertaintySplit split)
    {
        ArgumentNullException.ThrowIfNull(split);
        var data = split.Proper;
        var (labels, corrupted) = LabelCorruption.Inject(data.Targets, Fraction, CorruptionSeed + split.Split);
        var options = new RegressorOptions { Training = BenchMethods.Training(split.Budget) };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var fit = CrossFitting.Run(data with { Targets = labels }, options, Folds);
        var metrics = new JsonObject
        {
            ["rows"] = data.RowCount,
            ["corrupted"] = corrupted.Count(c => c),
            ["folds"] = Folds,
            ["max_epochs"] = split.Budget.Epochs,
            ["seconds"] = clock.Elapsed.TotalSeconds,
        };
        int top = (int)Math.Ceiling(Fraction * data.RowCount);
        foreach (var score in Scores)
        {
            var ranked = LabelAudit.Rank(fit.Distributions, labels, fit.LogLikelihoods, score);
            var byRow = ranked.OrderBy(r => r.Row).Select(r => r.Score).ToArray();
            metrics[$"auroc_{Key(score)}"] = UncertaintyRun.Value(LabelAudit.Auroc(byRow, corrupted));
            metrics[$"precision_top5_{Key(score)}"] = UncertaintyRun.Value(LabelAudit.PrecisionAtTop(ranked, corrupted, top));
            if (score == AuditScore.Surprise) Histograms(metrics, byRow, corrupted);
        }
        return metrics;
    }

    /// <summary>Counts of the surprise scores of clean and injected rows over common bins (for the figure).</summary>
    private static void Histograms(JsonObject metrics, double[] scores, bool[] corrupted)
    {
        var finite = scores.Where(double.IsFinite).ToArray();
        double low = finite.Min(), high = finite.Max() + 1e-9, width = (high - low) / Bins;
        var clean = new int[Bins];
        var injected = new int[Bins];
        for (int i = 0; i < scores.Length; i++)
        {
            if (!double.IsFinite(scores[i])) continue;
            int bin = Math.Min(Bins - 1, (int)((scores[i] - low) / width));
            (corrupted[i] ? injected : clean)[bin]++;
        }
        metrics["hist_low"] = low;
        metrics["hist_width"] = width;
        metrics["hist_clean"] = new JsonArray(clean.Select(c => (JsonNode?)c).ToArray());
        metrics["hist_injected"] = new JsonArray(injected.Select(c => (JsonNode?)c).ToArray());
    }

    public string Line(UncertaintyRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return string.Create(Ci, $"{run.Dataset} split {run.Split} audit: AUROC surprise {run["auroc_surprise"]:F3} tail {run["auroc_tail"]:F3}, precision top 5 % surprise {run["precision_top5_surprise"]:F3} tail {run["precision_top5_tail"]:F3} ({run["seconds"]:F0} s)");
    }

    public void Report(StringBuilder sb, IReadOnlyList<UncertaintyRun> runs, IReadOnlyList<UncertaintyRun> all)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(runs);
        sb.AppendLine("## Label audit").AppendLine();
        string method = FormattableString.Invariant($"Split 0 of each set: {Fraction:P0} of the proper training rows get a gross label error (y ± (3 + 3u)·sd(y), random sign, seed {CorruptionSeed}); the rows are cross-fitted in {Folds} folds (each fold scored by DecoReg trained on the other folds, defaults, the set's epoch budget) and ranked by `decoreg audit`'s scores: ");
        sb.AppendLine(method + "`surprise` = −log p(y) (the default), `tail` = −log 2·min(F(y), 1 − F(y)). AUROC of finding the injected rows; precision = injected rows among the top 5 % (as many rows as were corrupted).").AppendLine();
        sb.AppendLine("| data set | rows | injected | AUROC surprise | AUROC tail | precision top 5 % surprise | precision top 5 % tail | seconds |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|");
        int met = 0, sets = 0;
        foreach (var run in runs.OrderBy(r => Array.IndexOf(BenchSuites.Uci.ToArray(), r.Dataset)))
        {
            sets++;
            if (run["auroc_surprise"] >= AurocTarget && run["precision_top5_surprise"] >= PrecisionTarget) met++;
            sb.AppendLine(string.Create(Ci, $"| {run.Dataset} | {run["rows"]:F0} | {run["corrupted"]:F0} | {run["auroc_surprise"]:F3} | {run["auroc_tail"]:F3} | {run["precision_top5_surprise"]:F3} | {run["precision_top5_tail"]:F3} | {run["seconds"]:F0} |"));
        }
        sb.AppendLine();
        string verdict = sets < BenchSuites.Uci.Count ? "not judged" : met >= SetsTarget ? "**met**" : "**not met**";
        sb.AppendLine(string.Create(Ci, $"Target (AUROC ≥ {AurocTarget} and precision at the top 5 % ≥ {PrecisionTarget} on ≥ {SetsTarget} of 7 sets, surprise score): {verdict} — {met} of {sets} sets recorded.")).AppendLine();
    }

    public Plot? Plot(IReadOnlyList<UncertaintyRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var run = runs.FirstOrDefault(r => r.Dataset == "concrete") ?? runs.FirstOrDefault();
        if (run?.Metrics["hist_clean"] is not JsonArray clean || run.Metrics["hist_injected"] is not JsonArray injected) return null;
        var plot = new Plot();
        double low = run["hist_low"], width = run["hist_width"];
        var centres = Enumerable.Range(0, clean.Count).Select(i => low + (i + 0.5) * width).ToArray();
        var a = plot.Add.Bars(centres, clean.Select(c => (double)c!.GetValue<int>()).ToArray());
        a.LegendText = "clean labels";
        var b = plot.Add.Bars(centres, injected.Select(c => (double)c!.GetValue<int>()).ToArray());
        b.LegendText = "injected errors";
        foreach (var bar in a.Bars.Concat(b.Bars)) bar.Size = width * 0.9;
        plot.Title($"label audit, {run.Dataset} split 0: surprise −log p(y) of each label (cross-fitted)");
        plot.XLabel("audit score −log p(y)");
        plot.YLabel("rows");
        plot.ShowLegend();
        return plot;
    }
}
