using DecoReg.Inference;

namespace DecoReg.Uncertainty;

/// <summary>
/// How unsure a predictive distribution is, as one number per row (larger = less sure), for ranking rows to abstain on.
/// <see cref="StdDev"/>: the predictive standard deviation; for a calibrated model E[(y − mean)²] = variance, so it
/// ranks the expected squared error of the mean directly. <see cref="IntervalWidth"/>: width of the central 90 %
/// interval (robust to far tails). <see cref="Iqr"/>: width of the central 50 % interval. <see cref="Entropy"/>:
/// differential entropy of the piecewise-uniform density, −Σ p·log(p / bin width). <see cref="Disagreement"/>: the
/// standard deviation of the ensemble members' means (<see cref="Distribution.MemberSpread"/>): the part of the
/// uncertainty the model could lose with more data, not the noise of the target; only for models with members (the
/// table default has 8) or several networks.
/// </summary>
public enum ConfidenceScore
{
    StdDev,
    IntervalWidth,
    Iqr,
    Entropy,
    Disagreement,
}

/// <summary>Computes <see cref="ConfidenceScore"/>s (lower-case names as in reports and the CLI).</summary>
public static class ConfidenceScores
{
    /// <summary>Every score, in report order.</summary>
    public static IReadOnlyList<ConfidenceScore> All { get; } = Enum.GetValues<ConfidenceScore>();

    /// <summary>
    /// The scores these distributions support: every score, but <see cref="ConfidenceScore.Disagreement"/> only when
    /// every distribution mixes members (else it would rank nothing).
    /// </summary>
    public static IReadOnlyList<ConfidenceScore> For(IReadOnlyList<Distribution> distributions)
    {
        ArgumentNullException.ThrowIfNull(distributions);
        bool members = distributions.Count > 0 && distributions.All(d => d.MemberMeans.Count > 1);
        return members ? All : All.Where(s => s != ConfidenceScore.Disagreement).ToArray();
    }

    /// <summary>The score named <paramref name="name"/> (as in <see cref="Name"/>), or a clear error listing the names.</summary>
    public static ConfidenceScore Parse(string name)
    {
        foreach (var score in All)
            if (string.Equals(Name(score), name, StringComparison.OrdinalIgnoreCase)) return score;
        throw new DecoRegException($"unknown confidence score '{name}' (expected {string.Join(", ", All.Select(Name))})");
    }

    /// <summary>The name used in reports, JSON keys and the CLI: std, width90, iqr, entropy, disagreement.</summary>
    public static string Name(ConfidenceScore score) => score switch
    {
        ConfidenceScore.StdDev => "std",
        ConfidenceScore.IntervalWidth => "width90",
        ConfidenceScore.Iqr => "iqr",
        ConfidenceScore.Entropy => "entropy",
        ConfidenceScore.Disagreement => "disagreement",
        _ => throw new ArgumentOutOfRangeException(nameof(score), score, null),
    };

    /// <summary>The score of one distribution (larger = less sure).</summary>
    public static double Of(Distribution distribution, ConfidenceScore score)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        return score switch
        {
            ConfidenceScore.StdDev => distribution.StdDev,
            ConfidenceScore.IntervalWidth => distribution.Interval(0.9).Width,
            ConfidenceScore.Iqr => distribution.Interval(0.5).Width,
            ConfidenceScore.Entropy => Entropy(distribution),
            ConfidenceScore.Disagreement => distribution.MemberSpread,
            _ => throw new ArgumentOutOfRangeException(nameof(score), score, null),
        };
    }

    /// <summary>The score of every distribution (disagreement without members is a clear error).</summary>
    public static double[] Of(IReadOnlyList<Distribution> distributions, ConfidenceScore score)
    {
        ArgumentNullException.ThrowIfNull(distributions);
        if (score == ConfidenceScore.Disagreement && !For(distributions).Contains(score))
            throw new DecoRegException("the disagreement score needs a model whose predictions mix members (an efficient ensemble, the table default, or --ensemble N); this model has one network with one member");
        return distributions.Select(d => Of(d, score)).ToArray();
    }

    /// <summary>
    /// −Σ p·log(p / width) over bins of positive width and mass (point masses carry no density and are skipped): the
    /// entropy with each bin's mass uniform in target units, also for a warped <see cref="Distribution.BinScale"/> (a
    /// ranking score; the warp's shape inside a bin changes it little).
    /// </summary>
    private static double Entropy(Distribution d)
    {
        var p = d.Probabilities;
        double h = 0;
        for (int i = 0; i < p.Length; i++)
        {
            double width = d.BinHighs[i] - d.BinLows[i];
            if (p[i] > 0 && width > 0) h -= p[i] * Math.Log(p[i] / width);
        }
        return h;
    }
}
