using System.Globalization;

namespace DecoReg.Numbers;

/// <summary>
/// The whole target path of a model: a fitted <see cref="TargetScaler"/> (y → z) followed by a number codec
/// (z → tokens), and back: tokens → value and bin in the target's own units, and the log-density correction that
/// turns a sequence probability into a density over y (bin width in z and the scaler's Jacobian).
/// </summary>
public sealed class TargetEncoding
{
    public TargetEncoding(INumberCodec codec, TargetScaler scaler)
    {
        Codec = codec;
        Scaler = scaler;
        ClampToUnit = codec.Options.NeedsUnitInterval();
    }

    public INumberCodec Codec { get; }
    public TargetScaler Scaler { get; }

    /// <summary>True for codecs whose domain is [0, 1]: scaled values just outside are clamped to the edge bins.</summary>
    private bool ClampToUnit { get; }

    /// <summary>
    /// Fits the scaler on training targets (then min-max into [0, 1] for codecs that need it) and fits the codec's
    /// options to the scaled targets (<see cref="CodecOptions.FitTo"/>).
    /// </summary>
    public static TargetEncoding Fit(CodecOptions codec, TargetScaling scaling, IReadOnlyList<double> targets)
    {
        var (scaler, warped) = FitScaler(codec, scaling, targets);
        return new TargetEncoding(codec.FitTo(warped).Create(), scaler);
    }

    /// <summary>
    /// The scaler alone (the warp, then min-max into [0, 1] for codecs that need it), and the warped targets the
    /// codec's options are fitted to.
    /// </summary>
    public static (TargetScaler Scaler, double[] Warped) FitScaler(CodecOptions codec, TargetScaling scaling, IReadOnlyList<double> targets)
    {
        TargetScaler warp = scaling switch
        {
            TargetScaling.Auto => new IdentityScaler(),
            TargetScaling.Standardize => StandardScaler.Fit(targets),
            TargetScaling.SignedLog => SignedLogScaler.Fit(targets),
            TargetScaling.Quantile => QuantileScaler.Fit(targets),
            _ => throw new DecoRegException($"unknown target scaling {scaling}"),
        };
        var warped = targets.Select(warp.Transform).ToArray();
        if (!codec.NeedsUnitInterval()) return (warp, warped);
        var minMax = MinMaxScaler.Fit(warped);
        return (warp is IdentityScaler ? minMax : new ChainedScaler(warp, minMax), warped);
    }

    /// <summary>Tokens of a target value; throws <see cref="DecoRegException"/> naming the value if it cannot be written.</summary>
    public int[] Encode(double y) => EncodeScaled(Scaler.Transform(y));

    /// <summary>
    /// Tokens of a value already in the scaled space (after <see cref="Scaler"/>), e.g. a scaled target plus training
    /// jitter; values just outside a [0, 1] codec's domain go to its edge bins.
    /// </summary>
    public int[] EncodeScaled(double z)
    {
        if (ClampToUnit && !double.IsNaN(z)) z = Math.Clamp(z, 0.0, 1.0);
        return Codec.Encode(z).Tokens;
    }

    /// <summary>Value and bin [low, high) of a sequence in target units (bins map through the monotone scaler).</summary>
    public (double Value, double Low, double High) Read(ReadOnlySpan<int> tokens)
    {
        var (z, bin) = Codec.Read(tokens);
        return (Scaler.Inverse(z), Scaler.Inverse(bin.Low), Scaler.Inverse(bin.High));
    }

    /// <summary>
    /// log p(y) − log P(tokens of y): subtracts the log bin width in the codec's domain and adds the scaler's
    /// log-Jacobian, turning a sequence log-probability into a log-density in target units.
    /// </summary>
    public double LogDensityCorrection(double y, ReadOnlySpan<int> tokens)
    {
        double width = Codec.Bin(tokens).Width;
        if (!(width > 0))
            throw new DecoRegException($"target {y.ToString("R", CultureInfo.InvariantCulture)} encodes to a special token; it has no density");
        return -Math.Log(width) + Scaler.LogAbsDerivative(y);
    }
}
