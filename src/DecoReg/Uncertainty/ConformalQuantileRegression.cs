using System.Globalization;
using DecoReg.Inference;

namespace DecoReg.Uncertainty;

/// <summary>
/// Conformalized quantile regression (Romano, Patterson &amp; Candès 2019) on the model's own quantiles, one level at a
/// time: score s = max(q_lo − y, y − q_hi) with q at α/2 and 1 − α/2, correction Q = the ⌈(n+1)(1−α)⌉-th smallest
/// score, interval [q_lo − Q, q_hi + Q]. The same guarantee as <see cref="PitConformal"/>, but an additive shift in
/// target units (the same for every row) and one score array per level, so <see cref="ConformalCalibration"/> stores
/// the scores of a fixed <see cref="Grid"/> of levels.
/// </summary>
public static class ConformalQuantileRegression
{
    /// <summary>Tolerance for matching a requested level to a grid level (0.9 typed by a user is the grid's 0.9).</summary>
    private const double LevelTolerance = 1e-9;

    /// <summary>
    /// The central levels a CQR calibration stores scores for. A level between two of them gets no interval rather
    /// than an interpolated one: the guarantee holds for the score of the level itself, not for a blend.
    /// </summary>
    public static IReadOnlyList<double> Grid { get; } = [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98, 0.99];

    /// <summary>The levels as "50, 60, … 99 %", for messages.</summary>
    public static string Describe(IEnumerable<double> levels) =>
        string.Join(", ", levels.Select(l => (l * 100).ToString("0.##", CultureInfo.InvariantCulture))) + " %";

    /// <summary>Whether two levels are the same grid level.</summary>
    public static bool SameLevel(double a, double b) => Math.Abs(a - b) < LevelTolerance;

    /// <summary>The calibration rows' scores at <paramref name="level"/>, sorted ascending.</summary>
    public static double[] Scores(IReadOnlyList<Distribution> calibration, IReadOnlyList<double> targets, double level)
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
        return scores;
    }

    /// <summary>The correction Q for <paramref name="level"/> from sorted scores (+∞ when they are too few for a finite one).</summary>
    public static double Correction(IReadOnlyList<double> sortedScores, double level)
    {
        ArgumentNullException.ThrowIfNull(sortedScores);
        ConformalRank.CheckLevel(level);
        int k = ConformalRank.Upper(sortedScores.Count, level);
        return k <= sortedScores.Count ? sortedScores[k - 1] : double.PositiveInfinity;
    }

    /// <summary>The correction Q for <paramref name="level"/> (+∞ when the rows are too few for a finite one).</summary>
    public static double Correction(IReadOnlyList<Distribution> calibration, IReadOnlyList<double> targets, double level) =>
        Correction(Scores(calibration, targets, level), level);

    /// <summary>
    /// The model's central interval widened (or narrowed, for Q &lt; 0) by <paramref name="correction"/> on both sides;
    /// a narrowing past the middle (the conformal set is then empty) gives the middle point.
    /// </summary>
    public static PredictionInterval Interval(Distribution distribution, double level, double correction)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        var raw = distribution.Interval(level);
        double low = raw.Low - correction, high = raw.High + correction;
        if (low <= high) return new PredictionInterval(low, high);
        double middle = (raw.Low + raw.High) / 2;
        return new PredictionInterval(middle, middle);
    }
}
