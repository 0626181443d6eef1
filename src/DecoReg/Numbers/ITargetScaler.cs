namespace DecoReg.Numbers;

/// <summary>
/// Maps targets y (the user's units) to the codec's domain z and back, fitted on training targets and stored
/// with a model. Monotonic increasing, so bins map to bins; <see cref="LogAbsDerivative"/> (log |dz/dy|) converts a
/// density over z into a density over y.
/// </summary>
public interface ITargetScaler
{
    double Transform(double y);
    double Inverse(double z);
    double LogAbsDerivative(double y);
}
