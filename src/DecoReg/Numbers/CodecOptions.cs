using System.Text.Json.Serialization;

namespace DecoReg.Numbers;

/// <summary>
/// Serializable description of a number codec; stored in model files so that a loaded model rebuilds exactly the
/// codec it was trained with. Each codec adds one derived record and one <see cref="JsonDerivedTypeAttribute"/> line.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(NormalizedCodecOptions), "normalized")]
[JsonDerivedType(typeof(IeeeCodecOptions), "ieee")]
[JsonDerivedType(typeof(P10CodecOptions), "p10")]
public abstract record CodecOptions
{
    /// <summary>Validates the options and builds the codec; throws <see cref="DecoRegException"/> on bad options.</summary>
    public abstract INumberCodec Create();
}
