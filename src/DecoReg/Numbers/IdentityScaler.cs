namespace DecoReg.Numbers;

/// <summary>No scaling (z = y): for codecs such as IEEE/P10 that write any magnitude directly.</summary>
public sealed record IdentityScaler : TargetScaler
{
    public override double Transform(double y) => y;
    public override double Inverse(double z) => z;
    public override double LogAbsDerivative(double y) => 0.0;
    public override bool IsAffine() => true;
}
