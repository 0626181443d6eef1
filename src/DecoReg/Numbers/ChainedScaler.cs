namespace DecoReg.Numbers;

/// <summary>
/// Two scalers applied one after the other (y → Outer(Inner(y))), e.g. a signed-log warp followed by the min-max
/// map into [0, 1] that the normalized codec needs. Inverse and log-derivative follow the chain rule exactly.
/// </summary>
public sealed record ChainedScaler(TargetScaler Inner, TargetScaler Outer) : TargetScaler
{
    public override double Transform(double y) => Outer.Transform(Inner.Transform(y));
    public override double Inverse(double z) => Inner.Inverse(Outer.Inverse(z));
    public override double LogAbsDerivative(double y) => Inner.LogAbsDerivative(y) + Outer.LogAbsDerivative(Inner.Transform(y));
    public override bool IsAffine() => Inner.IsAffine() && Outer.IsAffine();
}
