namespace DecoReg.Numbers;

/// <summary>z = (y − Mean)/Std: centres and scales targets so their typical magnitude is about 1.</summary>
public sealed record StandardScaler : TargetScaler
{
    public StandardScaler(double Mean, double Std)
    {
        this.Mean = Require("standard", "mean", Mean, false);
        this.Std = Require("standard", "std", Std, true);
    }

    public double Mean { get; init; }
    public double Std { get; init; }

    public override double Transform(double y) => (y - Mean) / Std;
    public override double Inverse(double z) => Mean + z * Std;
    public override double LogAbsDerivative(double y) => -Math.Log(Std);
    public override bool IsAffine() => true;

    /// <summary>Mean and population standard deviation; a constant column gets Std = 1.</summary>
    public static StandardScaler Fit(IReadOnlyList<double> y)
    {
        CheckFitInput("standard", y);
        double mean = y.Average();
        double var = y.Sum(v => (v - mean) * (v - mean)) / y.Count;
        double std = Math.Sqrt(var);
        return new StandardScaler(mean, std > 0 && double.IsFinite(std) ? std : 1.0);
    }
}
