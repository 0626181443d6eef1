using DecoReg.Inference;

namespace DecoReg.Uncertainty;

/// <summary>
/// Conformalized quantile regression (Romano, Patterson &amp; Candès 2019) on the model's own quantiles, one level at a
/// time: score s = max(q_lo − y, y − q_hi) with q at α/2 and 1 − α/2, correction Q = the ⌈(n+1)(1−α)⌉-th smallest
/// score, interval [q_lo − Q, q_hi + Q]. The same guarantee as <see cref="PitConformal"/>, but an additive shift in
/// target units (the same for every row) and one stored number per level. Kept for comparison (the benchmark measures
/// both; <see cref="ConformalCalibration"/> uses the PIT form).
/// </summary>
public static class ConformalQuantileRegression
{
    /// <summary>The correction Q for <paramref name="level"/> (+∞ when the rows are too few for a finite one).</summary>
    public static double Correction(IReadOnlyList<Distribution> calibration, IReadOnlyList<double> targets, double level)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(targets);
        ConformalRank.CheckLevel(level);
        var scores = new double[calibration.Count];
        for (int i = 0; i < scores.Length; i++)
        {
            var raw = calibration[i].Interval(level);
            scores[i] = Math.Max(raw.Low - targets[i], targets[i] - raw.High);
        }
        Array.Sort(scores);
        int k = ConformalRank.Upper(scores.Length, level);
        return k <= scores.Length ? scores[k - 1] : double.PositiveInfinity;
    }

    /// <summary>The model's central interval widened (or narrowed, for Q &lt; 0) by <paramref name="correction"/> on both sides.</summary>
    public static PredictionInterval Interval(Distribution distribution, double level, double correction)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        var raw = distribution.Interval(level);
        return new PredictionInterval(raw.Low - correction, raw.High + correction);
    }
}
