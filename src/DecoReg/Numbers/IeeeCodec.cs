using System.Globalization;

namespace DecoReg.Numbers;

/// <summary>
/// IEEE-style tokens: sign, exponent sign, E base-B exponent digits, M base-B mantissa digits, standing for
/// ±d0.d1…d(M−1) × B^e with d0 ≠ 0 (zero is the single sequence "+", minimum exponent, all-zero mantissa). Values are
/// rounded to nearest with carry; magnitudes above the largest value clamp (overflow), below the smallest non-zero
/// flush to zero (underflow). The grammar allows exactly the exponents in [MinExponent, MaxExponent].
/// </summary>
public sealed class IeeeCodec : ScientificCodec
{
    private readonly int radix, exponentDigits, mantissaDigits;

    public IeeeCodec(IeeeCodecOptions options) : base(options, "ieee")
    {
        radix = options.Base; this.exponentDigits = options.ExponentDigits; mantissaDigits = options.MantissaDigits;
        if (radix < 2 || radix > 16)
            throw new DecoRegException($"ieee codec: base {radix} is out of range; expected 2..16");
        if (this.exponentDigits < 1 || Math.Pow(radix, this.exponentDigits) > 1e6)
            throw new DecoRegException($"ieee codec: {this.exponentDigits} exponent digits in base {radix} is out of range; expected 1 or more with base^digits ≤ 1e6");
        if (mantissaDigits < 1 || Math.Pow(radix, mantissaDigits) > 1e15)
            throw new DecoRegException($"ieee codec: {mantissaDigits} mantissa digits in base {radix} is out of range; expected 1 or more with base^digits ≤ 1e15");
        int cap = ExponentCapacity(radix, this.exponentDigits);
        var (limMin, limMax) = ScientificFormat.ExponentLimits(radix);
        MinExponent = options.MinExponent ?? Math.Max(-cap, limMin); // defaults stay within what a double can hold
        MaxExponent = options.MaxExponent ?? Math.Min(cap, limMax);
        if (MinExponent < -cap || MaxExponent > cap || MinExponent > MaxExponent)
            throw new DecoRegException($"ieee codec: exponent range [{MinExponent}, {MaxExponent}] is invalid; expected min ≤ max within [{-cap}, {cap}] ({this.exponentDigits} base-{radix} exponent digits)");
        if (!ScientificFormat.FitsDouble(radix, mantissaDigits, MinExponent - (mantissaDigits - 1), MaxExponent - (mantissaDigits - 1)))
            throw new DecoRegException($"ieee codec: exponent range [{MinExponent}, {MaxExponent}] in base {radix} exceeds the range of a double; expected exponents within [{limMin}, {limMax}] (--min-exponent/--max-exponent)");
        Format = new ScientificFormat(radix, mantissaDigits, MinExponent - (mantissaDigits - 1), MaxExponent - (mantissaDigits - 1));
        Length = 2 + this.exponentDigits + mantissaDigits;
        VocabularySize = radix + 2 + (options.Specials ? SpecialTokens.Names.Length : 0);
        Grammar = BuildGrammar();
    }

    /// <inheritdoc/>
    public override string Details => $"exponents {MinExponent}..{MaxExponent}";

    /// <summary>Largest exponent magnitude E base-B digits can write: B^E − 1.</summary>
    public static int ExponentCapacity(int @base, int exponentDigits)
    {
        long cap = 1;
        for (int i = 0; i < exponentDigits && cap <= int.MaxValue; i++) cap *= @base;
        return (int)Math.Min(cap - 1, int.MaxValue / 2);
    }

    public IeeeCodecOptions Typed => (IeeeCodecOptions)Options;
    protected override bool Specials => Typed.Specials;

    /// <summary>
    /// Smallest exponent the grammar allows (also the exponent of zero). Defaults to −(B^E − 1), or the smallest
    /// exponent a double can hold if that is larger.
    /// </summary>
    public int MinExponent { get; }

    /// <summary>Largest exponent the grammar allows.</summary>
    public int MaxExponent { get; }

    /// <summary>Token of "+" (value and exponent sign).</summary>
    public int Plus => radix;

    /// <summary>Token of "-".</summary>
    public int Minus => radix + 1;

    /// <summary>Token of "NaN" (followed by "+Inf", "-Inf", "PAD"), or -1 without special tokens.</summary>
    public override int FirstSpecial => Typed.Specials ? radix + 2 : -1;

    /// <summary>Largest representable value, (B − B^(1−M))·B^MaxExponent.</summary>
    public double MaxValue => Format.Value(false, Format.MaxMantissa, Format.MaxScale);

    /// <summary>Smallest positive representable value, B^MinExponent.</summary>
    public double MinPositive => Format.Value(false, Format.MinMantissa, Format.MinScale);

    public override string TokenName(int token)
    {
        if (token < 0 || token >= VocabularySize) throw new ArgumentOutOfRangeException(nameof(token));
        if (token < radix) return Tokens.DigitName(token);
        if (token == Plus) return "+";
        if (token == Minus) return "-";
        return SpecialTokens.Names[token - FirstSpecial];
    }

    private protected override void WriteNumber(ScientificFormat.Rounded r, Span<int> tokens)
    {
        int e = r.Scale + mantissaDigits - 1;
        tokens[0] = r.Negative ? Minus : Plus;
        tokens[1] = e < 0 ? Minus : Plus;
        Format.WriteDigits(Math.Abs(e), tokens.Slice(2, this.exponentDigits));
        Format.WriteDigits(r.Mantissa, tokens.Slice(2 + this.exponentDigits, mantissaDigits));
    }

    private protected override ScientificFormat.Parsed ParseNumber(ReadOnlySpan<int> tokens)
    {
        int e = 0;
        for (int i = 0; i < this.exponentDigits; i++) e = e * radix + tokens[2 + i];
        if (tokens[1] == Minus) e = -e;
        long m = 0;
        for (int i = 0; i < mantissaDigits; i++) m = m * radix + tokens[2 + this.exponentDigits + i];
        return new(-1, tokens[0] == Minus, m, e - (mantissaDigits - 1));
    }

    // States: start, one per value sign, a shared (memoized) exponent trie per sign, mantissa states, final.
    private Grammar BuildGrammar()
    {
        var g = new GrammarBuilder(VocabularySize);
        var (start, afterPlus, afterMinus, final) = g.SignedStart(Plus, Minus);

        // Mantissa: first digit non-zero (or, on the zero path, 0 followed by zeros only).
        int mantNonZero = g.NewState(), mantMayBeZero = g.NewState();
        g.Mantissa(radix, mantissaDigits, mantNonZero, mantMayBeZero, final, final);

        // Exponent magnitudes allowed after each exponent sign; the exponent of zero (MinExponent) leads to the
        // zero-capable mantissa state, but only after a "+" value sign.
        long posLo = Math.Max(0, MinExponent), posHi = MaxExponent;
        long negLo = Math.Max(1, -MaxExponent), negHi = -MinExponent;
        long zeroOnPos = MinExponent >= 0 ? MinExponent : -1, zeroOnNeg = MinExponent < 0 ? -MinExponent : -1;
        var memo = new Dictionary<(int, long, long, long), int>();
        int Node(int remaining, long lo, long hi, long zeroAt)
        {
            if (remaining == 0) return zeroAt == 0 ? mantMayBeZero : mantNonZero;
            if (memo.TryGetValue((remaining, lo, hi, zeroAt), out int id)) return id;
            id = g.NewState();
            memo[(remaining, lo, hi, zeroAt)] = id;
            long sub = (long)Math.Pow(radix, remaining - 1);
            for (int d = 0; d < radix; d++)
            {
                long cLo = Math.Max(lo - d * sub, 0), cHi = Math.Min(hi - d * sub, sub - 1);
                if (cLo > cHi) continue;
                long cZero = zeroAt >= 0 && zeroAt / sub == d ? zeroAt - d * sub : -1;
                g.Edge(id, d, Node(remaining - 1, cLo, cHi, cZero));
            }
            return id;
        }
        foreach (var (state, zeroAllowed) in new[] { (afterPlus, true), (afterMinus, false) })
        {
            if (posLo <= posHi) g.Edge(state, Plus, Node(this.exponentDigits, posLo, posHi, zeroAllowed ? zeroOnPos : -1));
            if (negLo <= negHi) g.Edge(state, Minus, Node(this.exponentDigits, negLo, negHi, zeroAllowed ? zeroOnNeg : -1));
        }
        if (Typed.Specials) SpecialTokens.AddPaths(g, start, final, FirstSpecial, Length);
        return g.Build();
    }
}
