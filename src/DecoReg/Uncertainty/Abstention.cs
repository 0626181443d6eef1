namespace DecoReg.Uncertainty;

/// <summary>
/// Which rows to abstain on (true = abstain): rows whose interval is wider than a limit, or rows beyond a target
/// fraction of accepted rows when ranked by a <see cref="ConfidenceScore"/>.
/// </summary>
public static class Abstention
{
    /// <summary>Abstain where the interval's width exceeds <paramref name="maxWidth"/> (&gt; 0, target units).</summary>
    public static bool[] ByWidth(IReadOnlyList<Inference.PredictionInterval> intervals, double maxWidth)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        if (!(maxWidth > 0) || double.IsNaN(maxWidth))
            throw new DecoRegException($"--max-width {maxWidth.ToString(System.Globalization.CultureInfo.InvariantCulture)}: expected a positive width in the target's units");
        return intervals.Select(iv => !(iv.Width <= maxWidth)).ToArray();
    }

    /// <summary>
    /// Accept about <paramref name="coverage"/> of the rows, the most confident: the threshold is the
    /// ⌈coverage·m⌉-th smallest of <paramref name="reference"/> (the calibration rows' sorted scores, so the accepted
    /// fraction holds for new rows like them), or of <paramref name="scores"/> themselves when no reference is given;
    /// rows scoring above it are abstained on.
    /// </summary>
    public static bool[] ByCoverage(IReadOnlyList<double> scores, double coverage, IReadOnlyList<double>? reference = null)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (!(coverage > 0 && coverage <= 1))
            throw new DecoRegException($"--coverage-target {coverage.ToString(System.Globalization.CultureInfo.InvariantCulture)}: expected a fraction of rows to keep in (0, 1]");
        var sorted = reference is { Count: > 0 } ? reference : scores.Order().ToArray();
        if (sorted.Count == 0) return [];
        int k = Math.Clamp((int)Math.Ceiling(coverage * sorted.Count - 1e-9), 1, sorted.Count);
        double threshold = sorted[k - 1];
        return scores.Select(s => !(s <= threshold)).ToArray();
    }
}
