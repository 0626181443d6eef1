using System.ComponentModel;

namespace DecoReg.Numbers;

/// <summary>
/// Options of <see cref="IeeeCodec"/>: base B (2..16), E exponent digits, M mantissa digits, the allowed exponent
/// range (default ±(B^E − 1)) and whether NaN/±Inf tokens exist. Restricting the exponent range keeps a model from
/// emitting absurd magnitudes; <see cref="FitExponentRange"/> derives it from training targets.
/// </summary>
[Description("sign, exponent sign, exponent digits, mantissa digits (±d.ddd × B^e)")]
public sealed record IeeeCodecOptions(
    int Base = 10, int ExponentDigits = 1, int MantissaDigits = 4,
    int? MinExponent = null, int? MaxExponent = null, bool Specials = false) : CodecOptions
{
    public override INumberCodec Create() => new IeeeCodec(this);

    /// <summary>The exponent range the scaled training targets need plus one decade on each side, so that decoding cannot produce absurd magnitudes.</summary>
    public override CodecOptions FitTo(IReadOnlyList<double> scaledTargets) => FitExponentRange(this, scaledTargets, margin: 1);

    /// <summary>
    /// Restricts the exponent range to the exponents that <paramref name="values"/> need (after rounding to
    /// <c>MantissaDigits</c> digits) widened by <paramref name="margin"/> on each side, within what the exponent
    /// digits can write. Zeros and non-finite values are ignored; with no such values the options are unchanged.
    /// </summary>
    public static IeeeCodecOptions FitExponentRange(IeeeCodecOptions options, IEnumerable<double> values, int margin = 1)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (margin < 0) throw new DecoRegException($"ieee codec: exponent margin {margin} is negative; expected 0 or more");
        int capacity = IeeeCodec.ExponentCapacity(options.Base, options.ExponentDigits);
        int? lo = null, hi = null;
        foreach (double v in values)
        {
            if (v == 0 || !double.IsFinite(v)) continue;
            var (_, _, p) = ScientificFormat.RoundUnbounded(v, options.Base, options.MantissaDigits);
            int e = p + options.MantissaDigits - 1;
            lo = lo is null ? e : Math.Min(lo.Value, e);
            hi = hi is null ? e : Math.Max(hi.Value, e);
        }
        if (lo is null || hi is null) return options;
        int min = Math.Clamp(lo.Value - margin, -capacity, capacity);
        int max = Math.Clamp(hi.Value + margin, -capacity, capacity);
        return options with { MinExponent = min, MaxExponent = max };
    }
}
