namespace DecoReg.Numbers;

/// <summary>
/// z = sign(y)·ln(1 + |y|/Scale): compresses heavy-tailed targets while staying linear near zero and monotonic.
/// Computed with accurate log1p/expm1 so that small values invert to full precision.
/// </summary>
public sealed record SignedLogScaler : TargetScaler
{
    public SignedLogScaler(double Scale) => this.Scale = Require("signedlog", "scale", Scale, true);

    public double Scale { get; init; }

    public override double Transform(double y) => Math.Sign(y) * Log1P(Math.Abs(y) / Scale);
    public override double Inverse(double z) => Math.Sign(z) * Scale * ExpM1(Math.Abs(z));
    public override double LogAbsDerivative(double y) => -Math.Log(Scale + Math.Abs(y));

    /// <summary>Scale = median |y| (1 when that is 0), so half of the targets fall in the near-linear region.</summary>
    public static SignedLogScaler Fit(IReadOnlyList<double> y)
    {
        CheckFitInput("signedlog", y);
        var abs = y.Select(Math.Abs).Order().ToArray();
        int n = abs.Length;
        double median = n % 2 == 1 ? abs[n / 2] : 0.5 * (abs[n / 2 - 1] + abs[n / 2]);
        return new SignedLogScaler(median > 0 ? median : 1.0);
    }

    /// <summary>ln(1 + x), accurate for small x (Goldberg's correction).</summary>
    internal static double Log1P(double x)
    {
        double u = 1.0 + x;
        if (u == 1.0) return x;
        if (double.IsInfinity(u)) return Math.Log(u);
        return Math.Log(u) * x / (u - 1.0);
    }

    /// <summary>e^x − 1, accurate for small x (Kahan's correction).</summary>
    internal static double ExpM1(double x)
    {
        double u = Math.Exp(x);
        if (u == 1.0) return x;
        double um1 = u - 1.0;
        if (um1 == -1.0 || double.IsInfinity(u)) return um1;
        return um1 * x / Math.Log(u);
    }
}
