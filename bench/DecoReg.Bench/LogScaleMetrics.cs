using DecoReg.Evaluation;
using DecoReg.Inference;

namespace DecoReg.Bench;

/// <summary>
/// Rank and log-scale scores of the predictive median, for heavy-tailed targets where RMSE in target units is ruled by
/// a few huge rows: Spearman ρ and Kendall τ-b of the median against y, and R² and RMSE of t = sign(y)·log10(1 + |y|)
/// (= log10(1 + y) for y ≥ 0; the signed form keeps negative targets valid) with the median mapped the same way. The
/// map is monotone, so the median of t is the mapped median: no sampling or integration is needed.
/// </summary>
public sealed record LogScaleMetrics(double Spearman, double Kendall, double R2Log, double RmseLog)
{
    public static LogScaleMetrics Compute(IReadOnlyList<Distribution> predictions, IReadOnlyList<double> targets)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(targets);
        if (predictions.Count != targets.Count || targets.Count == 0)
            throw new ArgumentException($"{predictions.Count} predictions for {targets.Count} targets", nameof(targets));
        var medians = predictions.Select(d => d.Median).ToArray();
        var t = targets.Select(TextLightGbmBaseline.SignedLog10).ToArray();
        var predicted = medians.Select(TextLightGbmBaseline.SignedLog10).ToArray();
        double mean = t.Average(), squares = 0, total = 0;
        for (int i = 0; i < t.Length; i++)
        {
            squares += (predicted[i] - t[i]) * (predicted[i] - t[i]);
            total += (t[i] - mean) * (t[i] - mean);
        }
        return new LogScaleMetrics(
            RankCorrelation.Spearman(medians, targets),
            RankCorrelation.KendallTauB(medians, targets),
            total > 0 ? 1 - squares / total : double.NaN,
            Math.Sqrt(squares / t.Length));
    }
}
