namespace DecoReg.Data;

/// <summary>
/// Mean and population variance of a sample: the one implementation behind target standardization for the baseline
/// heads, the training jitter's scale and the constant-Gaussian reference, so they agree to the last bit.
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
}
