namespace DecoReg.Uncertainty;

/// <summary>
/// The risk–coverage curve of selective regression (Geifman &amp; El-Yaniv 2017): rows sorted by a confidence score
/// (most confident first) are accepted one by one; at coverage k/n the risk is the mean loss of the k accepted rows.
/// AURC = (1/n)·Σₖ risk(k), the area under that curve (lower is better). Rows with equal scores are taken in random
/// order, in expectation: inside a tie group each accepted row adds the group's mean loss, so a constant score gives
/// risk = the overall mean loss at every coverage (AURC = mean loss, what a random order gives).
/// </summary>
public sealed record RiskCoverage(IReadOnlyList<double> Coverage, IReadOnlyList<double> Risk)
{
    /// <summary>Area under the curve: the mean of the risks at coverages 1/n … 1.</summary>
    public double Aurc => Risk.Average();

    /// <summary>The risk with every row accepted (the mean loss).</summary>
    public double FullRisk => Risk[^1];

    /// <summary>
    /// The curve for per-row <paramref name="losses"/> (e.g. squared error of the predictive mean) ranked by
    /// <paramref name="scores"/> (larger = less sure: accepted last).
    /// </summary>
    public static RiskCoverage Of(IReadOnlyList<double> scores, IReadOnlyList<double> losses)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(losses);
        int n = scores.Count;
        if (n == 0 || losses.Count != n)
            throw new ArgumentException($"{n} scores and {losses.Count} losses; need the same positive count.", nameof(losses));
        var order = Enumerable.Range(0, n).OrderBy(i => scores[i]).ToArray();
        var coverage = new double[n];
        var risk = new double[n];
        double accepted = 0;
        for (int start = 0; start < n;)
        {
            int end = start;
            double groupSum = 0;
            while (end < n && scores[order[end]].Equals(scores[order[start]])) groupSum += losses[order[end++]];
            double groupMean = groupSum / (end - start);
            for (int k = start; k < end; k++)
            {
                coverage[k] = (k + 1.0) / n;
                risk[k] = (accepted + (k - start + 1) * groupMean) / (k + 1);
            }
            accepted += groupSum;
            start = end;
        }
        return new RiskCoverage(coverage, risk);
    }

    /// <summary>The best possible curve: rows ranked by their own loss (a lower bound on any score's AURC; nondecreasing).</summary>
    public static RiskCoverage Oracle(IReadOnlyList<double> losses) => Of(losses, losses);

    /// <summary>Squared errors (y − mean)² of point predictions against targets.</summary>
    public static double[] SquaredErrors(IReadOnlyList<double> predictions, IReadOnlyList<double> targets) =>
        predictions.Select((p, i) => (targets[i] - p) * (targets[i] - p)).ToArray();

    /// <summary>Absolute errors |y − prediction|.</summary>
    public static double[] AbsoluteErrors(IReadOnlyList<double> predictions, IReadOnlyList<double> targets) =>
        predictions.Select((p, i) => Math.Abs(targets[i] - p)).ToArray();
}
