namespace DecoReg.Data;

/// <summary>
/// Mean and population variance of a sample: the one implementation behind target standardization for the baseline
/// heads, the training jitter's scale and the constant-Gaussian reference, so they agree to the last bit; and the
/// log of a sum or mean of exponentials, which every mixture likelihood (ensembles, members, MDN components) is.
/// </summary>
public static class Statistics
{
    /// <summary>Mean and population variance (divided by n) of <paramref name="values"/>; NaN for an empty sample.</summary>
    public static (double Mean, double Variance) MeanAndVariance(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        double mean = values.Average();
        return (mean, values.Sum(v => (v - mean) * (v - mean)) / values.Count);
    }

    /// <summary>Mean and population standard deviation of <paramref name="values"/>.</summary>
    public static (double Mean, double StdDev) MeanAndStdDev(IReadOnlyList<double> values)
    {
        var (mean, variance) = MeanAndVariance(values);
        return (mean, Math.Sqrt(variance));
    }

    /// <summary>
    /// log(Σ exp(x_i)) without overflow (the largest term factored out): the log-density of a weighted mixture from its
    /// components' log(weight · density); −∞ when every term is −∞ (and for an empty span).
    /// </summary>
    public static double LogSumExp(ReadOnlySpan<double> x)
    {
        double max = double.NegativeInfinity;
        foreach (double v in x) max = Math.Max(max, v);
        if (double.IsNegativeInfinity(max)) return max;
        double sum = 0;
        foreach (double v in x) sum += Math.Exp(v - max);
        return max + Math.Log(sum);
    }

    /// <summary>
    /// log((1/n) Σ exp(x_i)) = <see cref="LogSumExp"/> − log n: the log-likelihood of an equal-weight mixture from its
    /// parts' log-likelihoods; −∞ when every part is −∞ (and for an empty span).
    /// </summary>
    public static double LogMeanExp(ReadOnlySpan<double> x) =>
        x.IsEmpty ? double.NegativeInfinity : LogSumExp(x) - Math.Log(x.Length);
}
