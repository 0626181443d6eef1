using System.ComponentModel;

namespace DecoReg.Numbers;

/// <summary>
/// Options of <see cref="P10Codec"/>: D mantissa digits, exponent tokens E−R..E+R, and whether NaN/±Inf tokens
/// exist.
/// </summary>
[Description("sign, decimal mantissa digits, one exponent token (±dddd × 10^E)")]
public sealed record P10CodecOptions(int Digits = 4, int ExponentRange = 10, bool Specials = false) : CodecOptions
{
    public override INumberCodec Create() => new P10Codec(this);
}
