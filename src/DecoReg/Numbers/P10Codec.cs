namespace DecoReg.Numbers;

/// <summary>
/// P10 tokens (OmniPred / RegressLM): sign, D decimal mantissa digits, one exponent token "E-R".."ER", standing for
/// ±d1d2…dD × 10^E with an integer mantissa whose leading digit is non-zero (zero is the single sequence "+", all
/// zeros, "E-R"). One exponent token instead of exponent digits keeps sequences short. Same rounding, clamping and
/// bins as <see cref="IeeeCodec"/>.
/// </summary>
public sealed class P10Codec : ScientificCodec
{
    private const int Plus = 10, Minus = 11, FirstExponent = 12;
    private readonly int digits, exponentRange;

    public P10Codec(P10CodecOptions options) : base(options, "p10")
    {
        this.digits = options.Digits; exponentRange = options.ExponentRange;
        if (this.digits < 1 || this.digits > 15)
            throw new DecoRegException($"p10 codec: {this.digits} digits is out of range; expected 1..15");
        if (exponentRange < 0 || !ScientificFormat.FitsDouble(10, this.digits, -exponentRange, exponentRange))
            throw new DecoRegException($"p10 codec: exponent range {exponentRange} is out of range; expected 0..{ScientificFormat.ExponentLimits(10).Max + 1 - this.digits}");
        Format = new ScientificFormat(10, this.digits, -exponentRange, exponentRange);
        Length = this.digits + 2;
        VocabularySize = FirstExponent + 2 * exponentRange + 1 + (options.Specials ? SpecialTokens.Names.Length : 0);
        Grammar = BuildGrammar();
    }

    public P10CodecOptions Typed => (P10CodecOptions)Options;
    protected override bool Specials => Typed.Specials;

    /// <summary>Token of "NaN" (followed by "+Inf", "-Inf", "PAD"), or -1 without special tokens.</summary>
    public override int FirstSpecial => Typed.Specials ? FirstExponent + 2 * exponentRange + 1 : -1;

    /// <summary>The token of exponent <paramref name="e"/> (−R..R).</summary>
    public int ExponentToken(int e) => FirstExponent + e + exponentRange;

    /// <summary>Largest representable value, (10^D − 1)·10^R.</summary>
    public double MaxValue => Format.Value(false, Format.MaxMantissa, exponentRange);

    /// <summary>Smallest positive representable value, 10^(D−1)·10^−R.</summary>
    public double MinPositive => Format.Value(false, Format.MinMantissa, -exponentRange);

    public override string TokenName(int token)
    {
        if (token < 0 || token >= VocabularySize) throw new ArgumentOutOfRangeException(nameof(token));
        if (token < 10) return Tokens.DigitName(token);
        if (token == Plus) return "+";
        if (token == Minus) return "-";
        if (token < FirstExponent + 2 * exponentRange + 1) return "E" + (token - FirstExponent - exponentRange).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return SpecialTokens.Names[token - FirstSpecial];
    }

    private protected override void WriteNumber(ScientificFormat.Rounded r, Span<int> tokens)
    {
        tokens[0] = r.Negative ? Minus : Plus;
        Format.WriteDigits(r.Mantissa, tokens.Slice(1, this.digits));
        tokens[this.digits + 1] = ExponentToken(r.Scale);
    }

    private protected override ScientificFormat.Parsed ParseNumber(ReadOnlySpan<int> tokens)
    {
        long m = 0;
        for (int i = 0; i < this.digits; i++) m = m * 10 + tokens[1 + i];
        return new(-1, tokens[0] == Minus, m, tokens[this.digits + 1] - FirstExponent - exponentRange);
    }

    private Grammar BuildGrammar()
    {
        var g = new GrammarBuilder(VocabularySize);
        var (start, afterPlus, afterMinus, final) = g.SignedStart(Plus, Minus);
        int anyExponent = g.NewState(), zeroExponent = g.NewState();
        for (int e = -exponentRange; e <= exponentRange; e++) g.Edge(anyExponent, ExponentToken(e), final);
        g.Edge(zeroExponent, ExponentToken(-exponentRange), final);
        g.Mantissa(10, this.digits, afterMinus, afterPlus, anyExponent, zeroExponent); // zero is written "+0…0E-R"
        if (Typed.Specials) SpecialTokens.AddPaths(g, start, final, FirstSpecial, Length);
        return g.Build();
    }
}
