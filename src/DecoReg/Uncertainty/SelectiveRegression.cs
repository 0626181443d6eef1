using DecoReg.Inference;

namespace DecoReg.Uncertainty;

/// <summary>
/// Selective regression on labelled rows: the risk–coverage curve (squared error of the predictive mean) of each
/// <see cref="ConfidenceScore"/>, and their AURCs beside the floor (oracle: rows ranked by their own error) and the
/// random-order value (the MSE).
/// </summary>
public static class SelectiveRegression
{
    /// <summary>The curve of one score.</summary>
    public static RiskCoverage Curve(IReadOnlyList<Distribution> distributions, IReadOnlyList<double> targets, ConfidenceScore score) =>
        RiskCoverage.Of(ConfidenceScores.Of(distributions, score), Errors(distributions, targets));

    /// <summary>The oracle curve (rows ranked by their own squared error).</summary>
    public static RiskCoverage Oracle(IReadOnlyList<Distribution> distributions, IReadOnlyList<double> targets) =>
        RiskCoverage.Oracle(Errors(distributions, targets));

    /// <summary>AURC per score name (std, width90, iqr, entropy, and disagreement when the rows mix members), then "oracle" and "random" (= MSE of the mean).</summary>
    public static IReadOnlyDictionary<string, double> Aurc(IReadOnlyList<Distribution> distributions, IReadOnlyList<double> targets)
    {
        ArgumentNullException.ThrowIfNull(distributions);
        var errors = Errors(distributions, targets);
        var result = ConfidenceScores.For(distributions).ToDictionary(ConfidenceScores.Name,
            s => RiskCoverage.Of(ConfidenceScores.Of(distributions, s), errors).Aurc);
        result["oracle"] = RiskCoverage.Oracle(errors).Aurc;
        result["random"] = errors.Average();
        return result;
    }

    private static double[] Errors(IReadOnlyList<Distribution> distributions, IReadOnlyList<double> targets) =>
        RiskCoverage.SquaredErrors(distributions.Select(d => d.Mean).ToArray(), targets);
}
