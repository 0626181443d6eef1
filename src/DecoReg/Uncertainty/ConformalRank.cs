namespace DecoReg.Uncertainty;

/// <summary>
/// The finite-sample order statistics of split conformal prediction. For n exchangeable calibration scores and a
/// new one, the new score's rank among all n + 1 is uniform, so P(new ≤ k-th smallest calibration score) ≥ k/(n + 1):
/// the ⌈(n + 1)(1 − α)⌉-th smallest score bounds a new score with probability ≥ 1 − α (Vovk et al. 2005;
/// Lei et al. 2018). Ranks are 1-based; a rank above n means "no finite bound from n rows".
/// </summary>
public static class ConformalRank
{
    /// <summary>Slack against rounding in (n + 1)·p (e.g. 20 × 0.95 = 19.000000000000004 must give 19, not 20).</summary>
    private const double Slack = 1e-9;

    /// <summary>⌈(n + 1)·p⌉: the rank whose order statistic is ≥ a new score with probability ≥ p.</summary>
    public static int Upper(int n, double p) => (int)Math.Ceiling((n + 1) * p - Slack);

    /// <summary>⌊(n + 1)·p⌋: the rank whose order statistic is ≤ a new score with probability ≥ 1 − p (0 = no bound).</summary>
    public static int Lower(int n, double p) => (int)Math.Floor((n + 1) * p + Slack);

    /// <summary>
    /// The fewest calibration rows that give a finite interval at <paramref name="level"/> = 1 − α with one score
    /// (the centred PIT score of <see cref="ConformalCalibration"/>, or CQR): ⌈(n + 1)(1 − α)⌉ ≤ n, i.e. n ≥ ⌈1/α⌉ − 1
    /// (9 rows for 90 %, 19 for 95 %, 99 for 99 %).
    /// </summary>
    public static int MinimumRows(double level)
    {
        CheckLevel(level);
        return (int)Math.Ceiling(1 / (1 - level) - Slack) - 1;
    }

    /// <summary>Throws unless <paramref name="level"/> is in (0, 1).</summary>
    public static void CheckLevel(double level)
    {
        if (!(level > 0 && level < 1))
            throw new DecoRegException($"interval level {level.ToString(System.Globalization.CultureInfo.InvariantCulture)} is outside (0, 1); expected e.g. 0.9");
    }
}
