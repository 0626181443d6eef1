using DecoReg.Model;
using DecoReg.Numbers;
using DecoReg.Training;

namespace DecoReg;

/// <summary>
/// Everything that defines a <see cref="DecodingRegressor"/>: the number codec, target scaling, network sizes,
/// training and default decoding. The same record (with fitted parts such as the IEEE exponent range filled in) is
/// stored in the model file, so a loaded model knows exactly how it was built.
/// </summary>
public sealed record RegressorOptions
{
    /// <summary>Default: normalized tokens, base 10, 3 digits (1,000 bins over the widened training range).</summary>
    public CodecOptions Codec { get; init; } = new NormalizedCodecOptions(10, 3);
    public TargetScaling Scaling { get; init; } = TargetScaling.Auto;
    public TransformerOptions Network { get; init; } = new();
    public TrainingOptions Training { get; init; } = new();
    public PredictionOptions Prediction { get; init; } = new();
    /// <summary>libtorch intra-op threads; 0 keeps libtorch's default (one per core).</summary>
    public int Threads { get; init; }
}
