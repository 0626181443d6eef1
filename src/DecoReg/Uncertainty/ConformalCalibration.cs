using System.Globalization;
using System.Text.Json.Serialization;
using DecoReg.Inference;

namespace DecoReg.Uncertainty;

/// <summary>
/// What split-conformal calibration learned from held-out rows, stored in the model file. Two rules
/// (<see cref="Method"/>): <see cref="ConformalMethod.Cqr"/> (the default: conformalized quantile regression, the
/// rows' sorted scores at each level of <see cref="ConformalQuantileRegression.Grid"/> in <see cref="Cqr"/>; a level off
/// the grid is an error) and <see cref="ConformalMethod.Pit"/> (centred PIT, <see cref="PitConformal.CentredBounds"/>:
/// the rows' sorted PITs u = F(y) in <see cref="Pits"/> serve every level). CQR was chosen on the uncertainty
/// benchmark: 90 % coverage in the target band on more sets (bench/results/uncertainty.md). The PITs are kept for both
/// rules; files written before the choice existed have no <see cref="Method"/> and load as PIT. Also the rows' sorted
/// confidence scores (<see cref="Score"/>), which turn a target coverage into a score threshold for abstaining.
/// Calibration is marginal over the rows given (for a multi-task model, over all tasks together, not per task).
/// Guarantee: if new rows are exchangeable with the calibration rows, the level-(1 − α) interval contains y with
/// probability ≥ 1 − α, for any model.
/// </summary>
public sealed record ConformalCalibration(IReadOnlyList<double> Pits)
{
    /// <summary>The rule the intervals use (absent from older model files, which used the PIT rule).</summary>
    public ConformalMethod Method { get; init; } = ConformalMethod.Pit;

    /// <summary>For <see cref="ConformalMethod.Cqr"/>: the sorted CQR scores of every grid level (empty for PIT).</summary>
    public IReadOnlyList<CqrScores> Cqr { get; init; } = [];

    /// <summary>The confidence score whose calibration values <see cref="Scores"/> holds.</summary>
    public ConfidenceScore Score { get; init; } = ConfidenceScore.StdDev;

    /// <summary>The calibration rows' <see cref="Score"/> values, sorted ascending.</summary>
    public IReadOnlyList<double> Scores { get; init; } = [];

    /// <summary>Calibration rows.</summary>
    [JsonIgnore]
    public int Rows => Pits.Count;

    /// <summary>
    /// Fits the calibration from the model's distributions of held-out rows and their targets. The abstention score is
    /// <paramref name="score"/> when given, else the one that ranks these rows' errors best (lowest AURC of the squared
    /// error of the mean among the scores the distributions support, <see cref="BestScore"/>).
    /// </summary>
    public static ConformalCalibration Fit(IReadOnlyList<Distribution> distributions, IReadOnlyList<double> targets,
        ConformalMethod method = ConformalMethod.Cqr, ConfidenceScore? score = null)
    {
        ArgumentNullException.ThrowIfNull(distributions);
        ArgumentNullException.ThrowIfNull(targets);
        if (distributions.Count != targets.Count)
            throw new ArgumentException($"{distributions.Count} distributions but {targets.Count} targets.", nameof(targets));
        if (distributions.Count == 0) throw new DecoRegException("calibration needs at least one row with a target");
        var pits = distributions.Select((d, i) => d.Cdf(targets[i])).Order().ToArray();
        var chosen = score ?? BestScore(distributions, targets);
        var scores = ConfidenceScores.Of(distributions, chosen).Order().ToArray();
        var cqr = method == ConformalMethod.Cqr
            ? ConformalQuantileRegression.Grid.Select(l => new CqrScores(l, ConformalQuantileRegression.Scores(distributions, targets, l))).ToArray()
            : [];
        return new ConformalCalibration(pits) { Method = method, Cqr = cqr, Score = chosen, Scores = scores };
    }

    /// <summary>The supported score with the lowest AURC on these rows (ties: the earlier in <see cref="ConfidenceScores.All"/>).</summary>
    public static ConfidenceScore BestScore(IReadOnlyList<Distribution> distributions, IReadOnlyList<double> targets)
    {
        var aurc = SelectiveRegression.Aurc(distributions, targets);
        return ConfidenceScores.For(distributions).MinBy(s => aurc[ConfidenceScores.Name(s)]);
    }

    /// <summary>Whether <see cref="Interval"/> gives a finite interval at <paramref name="level"/> (on the grid for CQR, enough rows).</summary>
    public bool Supports(double level) =>
        level is > 0 and < 1 && (Method == ConformalMethod.Pit || ScoresAt(level) is not null) && Rows >= ConformalRank.MinimumRows(level);

    /// <summary>
    /// Throws a <see cref="DecoRegException"/> when a CQR calibration has no scores at <paramref name="level"/> (naming
    /// the levels it has) or the calibration rows are too few for a finite interval at it (naming how many are needed).
    /// </summary>
    public void CheckLevel(double level)
    {
        ConformalRank.CheckLevel(level);
        if (Method == ConformalMethod.Cqr && ScoresAt(level) is null)
            throw new DecoRegException(string.Create(CultureInfo.InvariantCulture,
                $"a {level * 100:0.##} % interval is not among the levels this model's CQR calibration stores ({ConformalQuantileRegression.Describe(Cqr.Select(c => c.Level))}); ask one of these, or calibrate with the PIT method (calibrate --method pit), which serves every level"));
        int needed = ConformalRank.MinimumRows(level);
        if (Rows < needed)
            throw new DecoRegException(string.Create(CultureInfo.InvariantCulture,
                $"a {level * 100:0.##} % conformal interval needs at least {needed} calibration rows; the model was calibrated on {Rows} (calibrate on more rows, or ask a lower level)"));
    }

    /// <summary>The calibrated interval at <paramref name="level"/> (use <see cref="Intervals"/> for many rows: the correction is computed once there).</summary>
    public PredictionInterval Interval(Distribution distribution, double level) => Intervals([distribution], level)[0];

    /// <summary>
    /// Calibrated intervals of many rows at <paramref name="level"/> (unbounded when the rows are too few for it; a
    /// level a CQR calibration does not store is a <see cref="DecoRegException"/>).
    /// </summary>
    public PredictionInterval[] Intervals(IReadOnlyList<Distribution> distributions, double level)
    {
        ArgumentNullException.ThrowIfNull(distributions);
        if (Method == ConformalMethod.Cqr)
        {
            var stored = ScoresAt(level);
            if (stored is null) CheckLevel(level);
            double q = ConformalQuantileRegression.Correction(stored!.Scores, level);
            return distributions.Select(d => ConformalQuantileRegression.Interval(d, level, q)).ToArray();
        }
        var (a, b) = PitConformal.CentredBounds(Pits, level);
        return distributions.Select(d => PitConformal.Interval(d, a, b)).ToArray();
    }

    private CqrScores? ScoresAt(double level) => Cqr.FirstOrDefault(c => ConformalQuantileRegression.SameLevel(c.Level, level));
}
