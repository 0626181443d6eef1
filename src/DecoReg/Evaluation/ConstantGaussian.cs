namespace DecoReg.Evaluation;

/// <summary>
/// The predict-the-training-mean reference: N(mean, sd²) of the training targets for every row, scored in closed
/// form (RMSE, NLL, central-interval coverage and width), so a model's figures can be read against it.
/// </summary>
public sealed record ConstantGaussian(double Mean, double StdDev)
{
    /// <summary>Fitted to training targets (a zero spread becomes 1 so that the density exists).</summary>
    public static ConstantGaussian Fit(IReadOnlyList<double> targets)
    {
        var (mean, sd) = Statistics.MeanAndStdDev(targets);
        return new ConstantGaussian(mean, sd > 0 ? sd : 1);
    }

    public double Rmse(IReadOnlyList<double> y) => Math.Sqrt(y.Average(v => (v - Mean) * (v - Mean)));

    /// <summary>Mean negative log-density of the targets.</summary>
    public double Nll(IReadOnlyList<double> y) => -y.Average(v => Scoring.GaussianLogDensity(Mean, StdDev, v));

    /// <summary>Fraction of targets inside the central interval of probability <paramref name="level"/>.</summary>
    public double Coverage(IReadOnlyList<double> y, double level)
    {
        double half = HalfWidth(level);
        return y.Average(v => Math.Abs(v - Mean) <= half ? 1.0 : 0.0);
    }

    /// <summary>Width of the central interval of probability <paramref name="level"/>.</summary>
    public double Width(double level) => 2 * HalfWidth(level);

    private double HalfWidth(double level) => StandardNormalQuantile(0.5 + level / 2) * StdDev;

    /// <summary>Φ⁻¹(p) by bisection on <see cref="Scoring.NormalCdf"/> (to machine precision).</summary>
    private static double StandardNormalQuantile(double p)
    {
        double low = -40, high = 40;
        for (int i = 0; i < 200 && high - low > 1e-15; i++)
        {
            double mid = 0.5 * (low + high);
            if (Scoring.NormalCdf(mid) < p) low = mid; else high = mid;
        }
        return 0.5 * (low + high);
    }
}
