namespace DecoReg.Numbers;

/// <summary>
/// Maps [Low, High] linearly onto [0, 1] (z = (y − Low)/(High − Low)), for the normalized codec which only writes
/// values in [0, 1]. <see cref="Fit"/> widens the observed range so unseen values slightly outside still encode.
/// </summary>
public sealed record MinMaxScaler : TargetScaler
{
    public MinMaxScaler(double Low, double High)
    {
        this.Low = Require("minmax", "low", Low, false);
        this.High = Require("minmax", "high", High, false);
        if (!(High > Low) || !double.IsFinite(High - Low))
            throw new DecoRegException(FormattableString.Invariant($"minmax scaler: range [{Low}, {High}] is invalid; expected low < high"));
    }

    public double Low { get; init; }
    public double High { get; init; }
    public double Width => High - Low;

    public override double Transform(double y) => (y - Low) / Width;
    public override double Inverse(double z) => Low + z * Width;
    public override double LogAbsDerivative(double y) => -Math.Log(Width);
    public override bool IsAffine() => true;

    /// <summary>Transform, then clamp into [0, 1] (for values still outside the fitted range).</summary>
    public double TransformClamped(double y) => Clamp01(Transform(y));

    /// <summary>Clamps z into [0, 1]; NaN stays NaN.</summary>
    public static double Clamp01(double z) => double.IsNaN(z) ? z : Math.Clamp(z, 0.0, 1.0);

    /// <summary>
    /// Fits [min − margin·(max − min), max + margin·(max − min)]. A constant column gets a range of width |y| (or 1
    /// for zero), widened the same way, centred on the value.
    /// </summary>
    public static MinMaxScaler Fit(IReadOnlyList<double> y, double margin = 0.1)
    {
        CheckFitInput("minmax", y);
        if (!(margin >= 0) || !double.IsFinite(margin))
            throw new DecoRegException(FormattableString.Invariant($"minmax scaler: margin {margin} is invalid; expected a finite number ≥ 0"));
        double min = y.Min(), max = y.Max(), span = max - min;
        if (span == 0)
        {
            double w = Math.Abs(min) > 0 ? Math.Abs(min) : 1.0;
            return new MinMaxScaler(min - w * (0.5 + margin), max + w * (0.5 + margin));
        }
        return new MinMaxScaler(min - margin * span, max + margin * span);
    }
}
