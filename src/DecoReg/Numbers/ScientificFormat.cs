using System.Numerics;

namespace DecoReg.Numbers;

/// <summary>
/// The number system shared by the IEEE-style and P10 codecs: ±m·B^p with an integer mantissa m of exactly
/// <c>Digits</c> base-B digits (leading digit non-zero) and p in [MinScale, MaxScale], plus a single zero.
/// Rounds exactly (to nearest, ties toward +∞, with carry into the next power of the base) and computes exact bins,
/// so the codecs only have to map (sign, m, p) to and from tokens.
/// </summary>
internal sealed class ScientificFormat
{
    public ScientificFormat(int @base, int digits, int minScale, int maxScale)
    {
        Base = @base;
        Digits = digits;
        MinScale = minScale;
        MaxScale = maxScale;
        MinMantissa = (long)BigInteger.Pow(@base, digits - 1);
        MaxMantissa = (long)BigInteger.Pow(@base, digits) - 1;
    }

    public int Base { get; }
    public int Digits { get; }
    public int MinScale { get; }
    public int MaxScale { get; }
    public long MinMantissa { get; }
    public long MaxMantissa { get; }

    /// <summary>A rounded value: zero is (false, 0, MinScale).</summary>
    public readonly record struct Rounded(bool Negative, long Mantissa, int Scale, EncodeStatus Status)
    {
        public bool IsZero => Mantissa == 0;
    }

    /// <summary>Rounds a finite value into the format, clamping on overflow and flushing to zero on underflow.</summary>
    public Rounded Round(double v)
    {
        if (v == 0) return new Rounded(false, 0, MinScale, EncodeStatus.Ok);
        var (neg, m, p) = RoundUnbounded(v, Base, Digits);
        if (p > MaxScale) return new Rounded(neg, MaxMantissa, MaxScale, EncodeStatus.Overflow);
        if (p < MinScale) return new Rounded(false, 0, MinScale, EncodeStatus.Underflow);
        return new Rounded(neg, m, p, EncodeStatus.Ok);
    }

    /// <summary>
    /// Rounds a finite non-zero value to m·B^p with B^(digits-1) ≤ m &lt; B^digits and no range limit. Exact: the
    /// scale is estimated with a logarithm, then corrected by exact comparison, so powers of the base land on m =
    /// B^(digits-1) and never on the previous decade.
    /// </summary>
    public static (bool Negative, long Mantissa, int Scale) RoundUnbounded(double v, int b, int digits)
    {
        bool neg = v < 0;
        double mag = Math.Abs(v);
        var (a, k) = ExactRational.Decompose(mag);
        var minM = BigInteger.Pow(b, digits - 1);
        var maxM = minM * b; // exclusive
        int p = (int)Math.Floor(Math.Log(mag) / Math.Log(b)) - (digits - 1);
        BigInteger m, rem, den;
        while (true)
        {
            var num = a;
            den = BigInteger.One;
            if (k >= 0) num <<= k; else den <<= -k;
            if (p >= 0) den *= BigInteger.Pow(b, p); else num *= BigInteger.Pow(b, -p);
            m = BigInteger.DivRem(num, den, out rem);
            if (m < minM) { p--; continue; }
            if (m >= maxM) { p++; continue; }
            break;
        }
        int cmp = (rem * 2).CompareTo(den);
        if (cmp > 0 || (cmp == 0 && !neg)) m += 1; // ties toward +∞ so bins are [Low, High) for both signs
        if (m == maxM) { m = minM; p++; }
        return (neg, (long)m, p);
    }

    /// <summary>The value m·B^p (nearest double).</summary>
    public double Value(bool negative, long mantissa, int scale) =>
        mantissa == 0 ? 0.0 : ExactRational.Scaled(negative, mantissa, BigInteger.One, Base, scale, RoundingMode.Nearest);

    /// <summary>
    /// Exact bin [Low, High): the doubles v with Low ≤ v &lt; High are exactly the values that round to this number.
    /// Boundaries are rounded up to doubles, which keeps the statement exact over doubles. The bin of the largest
    /// magnitude is its rounding interval (values beyond it clamp and report overflow); zero's bin is the underflow
    /// interval.
    /// </summary>
    public NumberBin Bin(bool negative, long mantissa, int scale)
    {
        if (mantissa == 0)
        {
            var (ln, ld, lp) = LowerMagnitude(MinMantissa, MinScale);
            return new NumberBin(
                ExactRational.Scaled(true, ln, ld, Base, lp, RoundingMode.Ceiling),
                ExactRational.Scaled(false, ln, ld, Base, lp, RoundingMode.Ceiling));
        }
        var (n1, d1, p1) = LowerMagnitude(mantissa, scale);
        var (n2, d2, p2) = ((BigInteger)mantissa * 2 + 1, (BigInteger)2, scale);
        return negative
            ? new NumberBin(ExactRational.Scaled(true, n2, d2, Base, p2, RoundingMode.Ceiling),
                            ExactRational.Scaled(true, n1, d1, Base, p1, RoundingMode.Ceiling))
            : new NumberBin(ExactRational.Scaled(false, n1, d1, Base, p1, RoundingMode.Ceiling),
                            ExactRational.Scaled(false, n2, d2, Base, p2, RoundingMode.Ceiling));
    }

    // Lower magnitude boundary as num/den·B^p. At m = B^(digits-1) the neighbour below has a finer step.
    private (BigInteger Num, BigInteger Den, int Scale) LowerMagnitude(long mantissa, int scale) =>
        mantissa == MinMantissa
            ? ((BigInteger)(MaxMantissa + 1) * 2 - 1, 2, scale - 1)
            : ((BigInteger)mantissa * 2 - 1, 2, scale);

    /// <summary>Base-B digits of a mantissa, most significant first.</summary>
    /// <summary>A parsed token sequence: a special value (index ≥ 0) or sign, integer mantissa and scale.</summary>
    public readonly record struct Parsed(int Special, bool Negative, long Mantissa, int Scale);

    /// <summary>The value a parsed sequence stands for (special values included).</summary>
    public double Value(Parsed p) => p.Special >= 0 ? SpecialTokens.ValueOf(p.Special) : Value(p.Negative, p.Mantissa, p.Scale);

    /// <summary>The bin of a parsed sequence; degenerate for special values.</summary>
    public NumberBin Bin(Parsed p)
    {
        if (p.Special < 0) return Bin(p.Negative, p.Mantissa, p.Scale);
        double v = SpecialTokens.ValueOf(p.Special);
        return new NumberBin(v, v);
    }

    public void WriteDigits(long mantissa, Span<int> into)
    {
        for (int i = into.Length - 1; i >= 0; i--) { into[i] = (int)(mantissa % Base); mantissa /= Base; }
    }

    /// <summary>
    /// The range of leading exponents e (value = d0.d1… × B^e) for which every value and bin boundary is a normal,
    /// finite double: B^(e+1) ≤ 2^1023 and B^(e−1) ≥ 2^−1022.
    /// </summary>
    public static (int Min, int Max) ExponentLimits(int b)
    {
        double log2 = Math.Log2(b);
        int max = (int)Math.Floor(1023 / log2) - 1;
        int min = (int)Math.Ceiling(-1022 / log2) + 1;
        return (min, max);
    }

    /// <summary>Whether leading exponents minScale+digits−1 .. maxScale+digits−1 are within <see cref="ExponentLimits"/>.</summary>
    public static bool FitsDouble(int b, int digits, int minScale, int maxScale)
    {
        var (min, max) = ExponentLimits(b);
        return minScale + digits - 1 >= min && maxScale + digits - 1 <= max;
    }
}
