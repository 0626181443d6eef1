using DecoReg.Inference;

namespace DecoReg.Evaluation;

/// <summary>Computes a <see cref="MetricsReport"/> for predictive distributions against targets.</summary>
public static class RegressionMetrics
{
    /// <summary>The central-interval levels reported by default.</summary>
    public static IReadOnlyList<double> DefaultLevels { get; } = [0.5, 0.9, 0.95];

    /// <summary>
    /// Metrics of <paramref name="predictions"/> against <paramref name="targets"/> (same order, target units):
    /// RMSE and R² of the mean; MAE of the median; Kendall tau-b and Spearman between median and target (ranks: the
    /// median follows any monotone map of the target, so the ranking does not depend on how the target is scaled,
    /// and a heavy right tail that drags a mean up does not reorder rows);
    /// NLL = −mean log-likelihood, taken from <paramref name="logLikelihoods"/> when given (teacher-forced per-row
    /// log-likelihoods, in target units) and else from <see cref="Distribution.LogDensity"/> (∞ when a target falls
    /// outside every bin); CRPS = mean exact CRPS of the piecewise-uniform distribution (<see cref="Scoring.Crps"/>);
    /// per level, coverage = fraction of targets inside the closed central interval and its mean width; the intervals
    /// are the distributions' own unless <paramref name="intervals"/> gives them (e.g. a calibrated model's, for a list of
    /// rows and a level).
    /// </summary>
    public static MetricsReport Compute(
        IReadOnlyList<Distribution> predictions,
        IReadOnlyList<double> targets,
        IReadOnlyList<double>? logLikelihoods = null,
        IReadOnlyList<double>? levels = null,
        Func<IReadOnlyList<Distribution>, double, IReadOnlyList<PredictionInterval>>? intervals = null)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(targets);
        int n = predictions.Count;
        if (targets.Count != n)
            throw new ArgumentException($"{n} predictions but {targets.Count} targets.", nameof(targets));
        if (n == 0)
            throw new ArgumentException("Metrics need at least one row.", nameof(predictions));
        if (logLikelihoods is not null && logLikelihoods.Count != n)
            throw new ArgumentException($"{n} predictions but {logLikelihoods.Count} log-likelihoods.", nameof(logLikelihoods));
        levels ??= DefaultLevels;
        foreach (double level in levels)
            if (!(level > 0 && level < 1))
                throw new ArgumentOutOfRangeException(nameof(levels), level, "Interval levels must be in (0, 1).");

        var given = intervals is null ? null : levels.Select(level => intervals(predictions, level)).ToArray();
        var medians = new double[n];
        double targetSum = 0, squaredError = 0, absoluteError = 0, logLikelihood = 0, crps = 0;
        var covered = new int[levels.Count];
        var widths = new double[levels.Count];
        for (int i = 0; i < n; i++)
        {
            var d = predictions[i] ?? throw new ArgumentException($"Prediction {i} is null.", nameof(predictions));
            double y = targets[i];
            if (!double.IsFinite(y))
                throw new ArgumentException($"Target {i} is {y}; targets must be finite.", nameof(targets));
            double mean = d.Mean;
            medians[i] = d.Median;
            targetSum += y;
            squaredError += (mean - y) * (mean - y);
            absoluteError += Math.Abs(medians[i] - y);
            logLikelihood += logLikelihoods is null ? d.LogDensity(y) : logLikelihoods[i];
            crps += Scoring.Crps(d, y);
            for (int k = 0; k < levels.Count; k++)
            {
                var interval = given is null ? d.Interval(levels[k]) : given[k][i];
                if (interval.Contains(y))
                    covered[k]++;
                widths[k] += interval.Width;
            }
        }

        double targetMean = targetSum / n, totalSquares = 0;
        for (int i = 0; i < n; i++)
            totalSquares += (targets[i] - targetMean) * (targets[i] - targetMean);

        var coverage = new Dictionary<double, double>();
        var intervalWidth = new Dictionary<double, double>();
        for (int k = 0; k < levels.Count; k++)
        {
            coverage[levels[k]] = (double)covered[k] / n;
            intervalWidth[levels[k]] = widths[k] / n;
        }

        return new MetricsReport(
            Rows: n,
            Rmse: Math.Sqrt(squaredError / n),
            Mae: absoluteError / n,
            R2: totalSquares > 0 ? 1 - squaredError / totalSquares : double.NaN,
            KendallTau: RankCorrelation.KendallTauB(medians, targets),
            Spearman: RankCorrelation.Spearman(medians, targets),
            Nll: -logLikelihood / n,
            Crps: crps / n,
            Coverage: coverage,
            IntervalWidth: intervalWidth);
    }
}
