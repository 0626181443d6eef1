using System.Text.Json.Serialization;

namespace DecoReg.Numbers;

/// <summary>
/// Serializable description of a number codec; stored in model files so that a loaded model rebuilds exactly the
/// codec it was trained with. The <see cref="JsonDerivedTypeAttribute"/> lines below are the codec registry: a new
/// codec is its codec and options files plus one line here. The discriminator is also the codec's CLI name, the
/// options record's constructor parameters are its CLI options (kebab-case) and its
/// <see cref="System.ComponentModel.DescriptionAttribute"/> its one-line summary (see <see cref="Codecs"/>).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(NormalizedCodecOptions), "normalized")]
[JsonDerivedType(typeof(IeeeCodecOptions), "ieee")]
[JsonDerivedType(typeof(P10CodecOptions), "p10")]
public abstract record CodecOptions
{
    /// <summary>Validates the options and builds the codec; throws <see cref="DecoRegException"/> on bad options.</summary>
    public abstract INumberCodec Create();

    /// <summary>
    /// True for codecs whose domain is [0, 1]: training targets are min-max scaled into it (after any warp) and scaled
    /// values just outside are clamped to the edge bins. A method, not a property, so that it is never serialized.
    /// </summary>
    public virtual bool NeedsUnitInterval() => false;

    /// <summary>
    /// These options fitted to the scaled training targets (e.g. the IEEE codec's exponent range); unchanged by default.
    /// </summary>
    public virtual CodecOptions FitTo(IReadOnlyList<double> scaledTargets) => this;
}
