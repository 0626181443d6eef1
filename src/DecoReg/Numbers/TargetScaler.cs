using System.Globalization;
using System.Text.Json.Serialization;

namespace DecoReg.Numbers;

/// <summary>
/// Serializable base of the target scalers (stored in model files with a "kind" discriminator). Each scaler maps
/// targets y (the user's units) to the codec's domain z and back, is fitted on training targets and is monotonic
/// increasing, so bins map to bins; <see cref="LogAbsDerivative"/> (log |dz/dy|) turns a density over z into one over y.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(IdentityScaler), "identity")]
[JsonDerivedType(typeof(MinMaxScaler), "minmax")]
[JsonDerivedType(typeof(StandardScaler), "standard")]
[JsonDerivedType(typeof(SignedLogScaler), "signedlog")]
[JsonDerivedType(typeof(ChainedScaler), "chained")]
[JsonDerivedType(typeof(QuantileScaler), "quantile")]
public abstract record TargetScaler
{
    public abstract double Transform(double y);
    public abstract double Inverse(double z);
    public abstract double LogAbsDerivative(double y);

    /// <summary>Whether the map is affine (z = a + b·y): then mass spread uniformly over a bin in z is uniform in y too.</summary>
    public virtual bool IsAffine() => false;

    /// <summary>Checks fit input: non-empty and all finite; the error names the scaler, the row and the value.</summary>
    protected static void CheckFitInput(string scaler, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(y);
        if (y.Count == 0) throw new DecoRegException($"{scaler} scaler: cannot fit on no target values; expected at least one");
        for (int i = 0; i < y.Count; i++)
            if (!double.IsFinite(y[i]))
                throw new DecoRegException($"{scaler} scaler: target value {y[i].ToString(CultureInfo.InvariantCulture)} at index {i} is not finite; expected finite numbers (remove or fix the row)");
    }

    /// <summary>Validates a parameter when a scaler is built or loaded.</summary>
    protected static double Require(string scaler, string name, double value, bool positive)
    {
        if (!double.IsFinite(value) || (positive && value <= 0))
            throw new DecoRegException($"{scaler} scaler: {name} {value.ToString(CultureInfo.InvariantCulture)} is invalid; expected a finite{(positive ? " positive" : "")} number");
        return value;
    }
}
