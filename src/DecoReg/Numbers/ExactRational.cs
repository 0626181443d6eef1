using System.Numerics;

namespace DecoReg.Numbers;

/// <summary>Direction in which an exact rational is rounded to a double.</summary>
internal enum RoundingMode { Nearest, Ceiling, Floor }

/// <summary>
/// Exact arithmetic on doubles and powers of a base via <see cref="BigInteger"/> fractions, so that codecs round
/// values and place bin boundaries exactly (no log/pow rounding at powers of the base).
/// </summary>
internal static class ExactRational
{
    /// <summary>Splits a finite positive double into a·2^k exactly.</summary>
    public static (BigInteger A, int K) Decompose(double v)
    {
        long bits = BitConverter.DoubleToInt64Bits(v);
        int exp = (int)((bits >> 52) & 0x7FF);
        long frac = bits & 0xFFFFFFFFFFFFFL;
        return exp == 0 ? (frac, -1074) : (frac | (1L << 52), exp - 1075);
    }

    /// <summary>num/den (num ≥ 0, den &gt; 0) rounded to a double in the given direction (normal range).</summary>
    public static double ToDouble(BigInteger num, BigInteger den, RoundingMode mode)
    {
        if (num.IsZero) return 0.0;
        long nb = (long)num.GetBitLength(), db = (long)den.GetBitLength();
        int s = checked((int)(63 - nb + db));
        var scaledNum = s >= 0 ? num << s : num;
        var scaledDen = s >= 0 ? den : den << -s;
        var q = BigInteger.DivRem(scaledNum, scaledDen, out var rem);
        bool sticky = !rem.IsZero;
        int shift = (int)q.GetBitLength() - 53;
        var hi = q >> shift;
        var low = q - (hi << shift);
        var half = BigInteger.One << (shift - 1);
        bool up = mode switch
        {
            RoundingMode.Nearest => low > half || (low == half && (sticky || !hi.IsEven)),
            RoundingMode.Ceiling => !low.IsZero || sticky,
            _ => false,
        };
        if (up) hi += 1;
        return Math.ScaleB((double)(ulong)hi, shift - s);
    }

    /// <summary>Signed num·B^p / den rounded to a double; the sign is applied after rounding the magnitude.</summary>
    public static double Scaled(bool negative, BigInteger num, BigInteger den, int b, int p, RoundingMode mode)
    {
        var n = p >= 0 ? num * BigInteger.Pow(b, p) : num;
        var d = p >= 0 ? den : den * BigInteger.Pow(b, -p);
        if (!negative) return ToDouble(n, d, mode);
        var flipped = mode switch { RoundingMode.Ceiling => RoundingMode.Floor, RoundingMode.Floor => RoundingMode.Ceiling, _ => mode };
        return -ToDouble(n, d, flipped);
    }
}
