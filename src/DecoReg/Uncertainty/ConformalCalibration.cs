using System.Globalization;
using System.Text.Json.Serialization;
using DecoReg.Inference;

namespace DecoReg.Uncertainty;

/// <summary>
/// What split-conformal calibration learned from held-out rows, stored in the model file: the rows' sorted PIT values
/// u = F(y) under the model (one array serves every interval level: the interval at level 1 − α is the set of y
/// whose PIT lies in [½ − t, ½ + t], t the ⌈(n+1)(1−α)⌉-th smallest centred score |u − ½|,
/// <see cref="PitConformal.CentredBounds"/>; chosen over equal-tailed PIT bounds and CQR on the uncertainty
/// benchmark: the narrowest intervals with coverage nearest the nominal level, see bench/results/uncertainty.md), and their sorted
/// confidence scores (<see cref="Score"/>), which turn a target coverage into a score threshold for abstaining.
/// Calibration is marginal over the rows given (for a multi-task model, over all tasks together, not per task).
/// Guarantee: if new rows are exchangeable with the calibration rows, the level-(1 − α) interval contains y with
/// probability ≥ 1 − α, for any model.
/// </summary>
public sealed record ConformalCalibration(IReadOnlyList<double> Pits)
{
    /// <summary>The confidence score whose calibration values <see cref="Scores"/> holds.</summary>
    public ConfidenceScore Score { get; init; } = ConfidenceScore.StdDev;

    /// <summary>The calibration rows' <see cref="Score"/> values, sorted ascending.</summary>
    public IReadOnlyList<double> Scores { get; init; } = [];

    /// <summary>Calibration rows.</summary>
    [JsonIgnore]
    public int Rows => Pits.Count;

    /// <summary>Fits the calibration from the model's distributions of held-out rows and their targets.</summary>
    public static ConformalCalibration Fit(IReadOnlyList<Distribution> distributions, IReadOnlyList<double> targets,
        ConfidenceScore score = ConfidenceScore.StdDev)
    {
        ArgumentNullException.ThrowIfNull(distributions);
        ArgumentNullException.ThrowIfNull(targets);
        if (distributions.Count != targets.Count)
            throw new ArgumentException($"{distributions.Count} distributions but {targets.Count} targets.", nameof(targets));
        if (distributions.Count == 0) throw new DecoRegException("calibration needs at least one row with a target");
        var pits = distributions.Select((d, i) => d.Cdf(targets[i])).Order().ToArray();
        var scores = ConfidenceScores.Of(distributions, score).Order().ToArray();
        return new ConformalCalibration(pits) { Score = score, Scores = scores };
    }

    /// <summary>
    /// Throws a <see cref="DecoRegException"/> when the calibration rows are too few for a finite interval at
    /// <paramref name="level"/>, naming how many are needed.
    /// </summary>
    public void CheckLevel(double level)
    {
        int needed = ConformalRank.MinimumRows(level);
        if (Rows < needed)
            throw new DecoRegException(string.Create(CultureInfo.InvariantCulture,
                $"a {level * 100:0.##} % conformal interval needs at least {needed} calibration rows; the model was calibrated on {Rows} (calibrate on more rows, or ask a lower level)"));
    }

    /// <summary>The calibrated interval at <paramref name="level"/> (unbounded when the rows are too few for the level; O(n log n) per call, so use <see cref="Intervals"/> for many rows).</summary>
    public PredictionInterval Interval(Distribution distribution, double level)
    {
        var (a, b) = PitConformal.CentredBounds(Pits, level);
        return PitConformal.Interval(distribution, a, b);
    }

    /// <summary>Calibrated intervals of many rows (the PIT bounds computed once).</summary>
    public PredictionInterval[] Intervals(IReadOnlyList<Distribution> distributions, double level)
    {
        ArgumentNullException.ThrowIfNull(distributions);
        var (a, b) = PitConformal.CentredBounds(Pits, level);
        return distributions.Select(d => PitConformal.Interval(d, a, b)).ToArray();
    }
}
