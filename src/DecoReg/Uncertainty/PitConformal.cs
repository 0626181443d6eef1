using DecoReg.Inference;

namespace DecoReg.Uncertainty;

/// <summary>
/// Split conformal prediction on the probability integral transform u = F(y) of held-out rows. If the model's CDF F
/// were calibrated, u would be uniform; whatever it is, the calibration rows' u and a new row's u are exchangeable,
/// so bounds [a, b] on u taken as finite-sample order statistics of the calibration PITs hold for a new row with the
/// guarantee of <see cref="ConformalRank"/>, and F(y) ∈ [a, b] ⟺ y ∈ [inf{F ≥ a}, sup{F ≤ b}]. One sorted array of
/// PITs serves every level and every quantile: the correction is a warp of probability levels, so it keeps the
/// shape (skew, heteroscedastic width) of each row's distribution.
/// </summary>
public static class PitConformal
{
    /// <summary>
    /// Equal-tailed bounds for <paramref name="level"/> = 1 − α: a = the ⌊(n+1)α/2⌋-th smallest PIT and b = the
    /// ⌈(n+1)(1−α/2)⌉-th (each tail misses with probability ≤ α/2, so coverage ≥ 1 − α). a = 0 or b = 1 when the
    /// rows are too few for that tail (the interval is then unbounded on that side).
    /// </summary>
    public static (double A, double B) EqualTailedBounds(IReadOnlyList<double> sortedPits, double level)
    {
        ArgumentNullException.ThrowIfNull(sortedPits);
        ConformalRank.CheckLevel(level);
        int n = sortedPits.Count;
        double alpha = 1 - level;
        int low = ConformalRank.Lower(n, alpha / 2), high = ConformalRank.Upper(n, 1 - alpha / 2);
        return (low >= 1 ? sortedPits[low - 1] : 0.0, high <= n ? sortedPits[high - 1] : 1.0);
    }

    /// <summary>
    /// Centred bounds (what <see cref="ConformalCalibration"/> uses with <see cref="ConformalMethod.Pit"/>): the score |u − ½| of every calibration row, t its
    /// ⌈(n+1)(1−α)⌉-th smallest, [a, b] = [½ − t, ½ + t]. One score with one rank, so its expected coverage is
    /// ⌈(n+1)(1−α)⌉/(n+1), nearer 1 − α than the equal-tailed rule's two roundings; symmetric in probability, so it
    /// widens both tails alike even when the model is biased to one side.
    /// </summary>
    public static (double A, double B) CentredBounds(IReadOnlyList<double> pits, double level)
    {
        ArgumentNullException.ThrowIfNull(pits);
        ConformalRank.CheckLevel(level);
        var scores = pits.Select(u => Math.Abs(u - 0.5)).Order().ToArray();
        int k = ConformalRank.Upper(scores.Length, level);
        if (k > scores.Length) return (0.0, 1.0);
        double t = scores[k - 1];
        return (Math.Max(0.0, 0.5 - t), Math.Min(1.0, 0.5 + t));
    }

    /// <summary>
    /// The interval of values whose PIT lies in [a, b]: from inf{y : F(y) ≥ a} (−∞ when a = 0) to
    /// sup{y : F(y) ≤ b} (+∞ when b = 1; across a gap between bins it reaches the next bin, since F is flat there).
    /// </summary>
    public static PredictionInterval Interval(Distribution distribution, double a, double b)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        double low = a <= 0 ? double.NegativeInfinity : distribution.Quantile(Math.Min(a, 1.0));
        return new PredictionInterval(low, UpperEnd(distribution, b));
    }

    /// <summary>sup{y : F(y) ≤ b}: inside the first bin whose cumulative probability exceeds b.</summary>
    private static double UpperEnd(Distribution d, double b)
    {
        if (b >= 1) return double.PositiveInfinity;
        var p = d.Probabilities;
        double cumulative = 0;
        for (int i = 0; i < p.Length; i++)
        {
            double next = cumulative + p[i];
            if (next > b && p[i] > 0) return d.PositionInBin(i, (b - cumulative) / p[i]);
            cumulative = next;
        }
        return double.PositiveInfinity; // rounding left b at the total mass
    }
}
