using DecoReg.Numbers;

namespace DecoReg.Tests.Numbers;

internal static class CodecTestUtil
{
    /// <summary>Codec configurations exercised by the generic property tests.</summary>
    public static readonly CodecOptions[] Configs =
    [
        new IeeeCodecOptions(),
        new IeeeCodecOptions(Base: 2, ExponentDigits: 4, MantissaDigits: 8),
        new IeeeCodecOptions(Base: 16, ExponentDigits: 2, MantissaDigits: 3, Specials: true),
        new IeeeCodecOptions(Base: 10, ExponentDigits: 2, MantissaDigits: 3, MinExponent: -13, MaxExponent: 7),
        new IeeeCodecOptions(Base: 3, ExponentDigits: 2, MantissaDigits: 5, MinExponent: 2, MaxExponent: 6, Specials: true),
        new IeeeCodecOptions(Base: 10, ExponentDigits: 2, MantissaDigits: 1, MinExponent: -20, MaxExponent: -4),
        new P10CodecOptions(),
        new P10CodecOptions(Digits: 1, ExponentRange: 0, Specials: true),
        new P10CodecOptions(Digits: 6, ExponentRange: 30, Specials: true),
        new NormalizedCodecOptions(),
        new NormalizedCodecOptions(Base: 2, Digits: 10),
    ];

    public static IEnumerable<object[]> ConfigIndices() => Configs.Select((_, i) => new object[] { i });

    /// <summary>A uniformly random path through the grammar from the start state to a final state.</summary>
    public static int[] RandomWalk(Grammar g, Random rng)
    {
        var tokens = new int[g.Length];
        int s = Grammar.Start;
        for (int i = 0; i < g.Length; i++)
        {
            var allowed = g.AllowedTokens(s).ToArray();
            Assert.NotEmpty(allowed);
            tokens[i] = allowed[rng.Next(allowed.Length)];
            s = g.Next(s, tokens[i]);
        }
        Assert.Equal(g.Length, g.Depth(s));
        Assert.Empty(g.AllowedTokens(s));
        return tokens;
    }

    public static string Show(INumberCodec c, int[] t) => Tokens.Format(c, t);

    /// <summary>Parses a token rendering like "[+] [-] [1]" back into ids via the codec's token names.</summary>
    public static int[] ParseTokens(INumberCodec c, string text)
    {
        var byName = Enumerable.Range(0, c.VocabularySize).ToDictionary(c.TokenName, t => t);
        return text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => byName[w.Trim('[', ']')]).ToArray();
    }
}
