using System.ComponentModel;

namespace DecoReg.Numbers;

/// <summary>Options of <see cref="NormalizedCodec"/>: base B and number of digits K.</summary>
[Description("K base-B digits of a value in [0, 1] (min-max scaled targets)")]
public sealed record NormalizedCodecOptions(int Base = 10, int Digits = 2) : CodecOptions
{
    public override INumberCodec Create() => new NormalizedCodec(this);

    /// <inheritdoc/>
    public override bool NeedsUnitInterval() => true;
}
