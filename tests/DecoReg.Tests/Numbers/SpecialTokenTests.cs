using DecoReg.Numbers;

namespace DecoReg.Tests.Numbers;

public class SpecialTokenTests
{
    public static IEnumerable<object[]> WithSpecials() =>
    [
        [new IeeeCodecOptions(Specials: true)],
        [new IeeeCodecOptions(Base: 2, ExponentDigits: 3, MantissaDigits: 5, Specials: true)],
        [new P10CodecOptions(Specials: true)],
    ];

    [Theory]
    [MemberData(nameof(WithSpecials))]
    public void SpecialValues_EncodeAsOneTokenThenPad(CodecOptions options)
    {
        var codec = options.Create();
        foreach (var (value, name) in new[] { (double.NaN, "NaN"), (double.PositiveInfinity, "+Inf"), (double.NegativeInfinity, "-Inf") })
        {
            var e = codec.Encode(value);
            Assert.Equal(EncodeStatus.Ok, e.Status);
            Assert.Equal(name, codec.TokenName(e.Tokens[0]));
            Assert.All(e.Tokens.Skip(1), t => Assert.Equal("PAD", codec.TokenName(t)));
            Assert.True(codec.Grammar.IsValid(e.Tokens));
            Assert.Equal(value, codec.Decode(e.Tokens));
            var bin = codec.Bin(e.Tokens);
            Assert.Equal(value, bin.Low);
            Assert.Equal(value, bin.High);
        }
    }

    [Theory]
    [MemberData(nameof(WithSpecials))]
    public void Grammar_ForcesPadAfterSpecial_AndNowhereElse(CodecOptions options)
    {
        var codec = options.Create();
        var g = codec.Grammar;
        int nan = codec.Encode(double.NaN).Tokens[0], pad = codec.Encode(double.NaN).Tokens[1];
        int s = g.Next(Grammar.Start, nan);
        for (int i = 1; i < g.Length; i++)
        {
            Assert.Equal([pad], g.AllowedTokens(s));
            s = g.Next(s, pad);
        }
        // A regular number never allows special or PAD tokens after its first token.
        var one = codec.Encode(1.5).Tokens;
        s = g.Next(Grammar.Start, one[0]);
        for (int i = 1; i < g.Length; i++)
        {
            Assert.False(g.IsAllowed(s, pad));
            Assert.False(g.IsAllowed(s, nan));
            s = g.Next(s, one[i]);
        }
        Assert.False(g.IsAllowed(Grammar.Start, pad));
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    public void WithoutSpecials_EncodingThrowsNamingTheValue(double value, string name)
    {
        var ieee = Assert.Throws<DecoRegException>(() => new IeeeCodecOptions().Create().Encode(value));
        Assert.Equal($"ieee codec: cannot encode {name}; enable special tokens (--specials) or remove the row", ieee.Message);
        var p10 = Assert.Throws<DecoRegException>(() => new P10CodecOptions().Create().Encode(value));
        Assert.Equal($"p10 codec: cannot encode {name}; enable special tokens (--specials) or remove the row", p10.Message);
        Assert.Throws<DecoRegException>(() => new NormalizedCodecOptions().Create().Encode(value));
    }

    [Fact]
    public void WithoutSpecials_VocabularyHasNoSpecialTokens()
    {
        var off = new IeeeCodecOptions().Create();
        var on = new IeeeCodecOptions(Specials: true).Create();
        Assert.Equal(12, off.VocabularySize);
        Assert.Equal(16, on.VocabularySize);
        Assert.DoesNotContain("NaN", Enumerable.Range(0, off.VocabularySize).Select(off.TokenName));
        Assert.Equal(33, new P10CodecOptions().Create().VocabularySize);
    }
}
