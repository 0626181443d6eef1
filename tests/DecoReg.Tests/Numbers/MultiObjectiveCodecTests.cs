using DecoReg.Numbers;

namespace DecoReg.Tests.Numbers;

public class MultiObjectiveCodecTests
{
    [Fact]
    public void EncodesDecodesAndBinsEachObjective()
    {
        var codec = new MultiObjectiveCodec(new IeeeCodecOptions(), 3);
        Assert.Equal(21, codec.Length);
        Assert.Equal(7, codec.Offset(1));
        var e = codec.Encode([123.4, -0.5, 1e12]);
        Assert.Equal([EncodeStatus.Ok, EncodeStatus.Ok, EncodeStatus.Overflow], e.Status);
        Assert.True(codec.Grammar.IsValid(e.Tokens));
        Assert.Equal([123.4, -0.5, 9.999e9], codec.Decode(e.Tokens));
        var bins = codec.Bins(e.Tokens);
        Assert.True(bins[1].Low <= -0.5 && -0.5 < bins[1].High);
        Assert.Equal("[+] [+] [2] [1] [2] [3] [4] [-] [-] [1]", Tokens.Format(codec.TokenName, codec.VocabularySize, e.Tokens.AsSpan(0, 10)));
    }

    [Fact]
    public void ConcatGrammar_EnforcesEachPartsRules()
    {
        var codec = new MultiObjectiveCodec(new IeeeCodecOptions(MinExponent: -2, MaxExponent: 3), 2);
        var single = new IeeeCodec(new IeeeCodecOptions(MinExponent: -2, MaxExponent: 3));
        var ok = codec.Encode([1.5, 0]).Tokens;
        Assert.True(codec.Grammar.IsValid(ok));
        var minusZero = (int[])ok.Clone();
        minusZero[7] = single.Minus; // "-0" in the second objective
        Assert.False(codec.Grammar.IsValid(minusZero));
        var badExponent = (int[])ok.Clone();
        badExponent[8] = single.Plus; badExponent[9] = 5; badExponent[10] = 1; // exponent +5 > 3
        Assert.False(codec.Grammar.IsValid(badExponent));
        Assert.Throws<ArgumentException>(() => codec.Decode(minusZero));
        var rng = new Random(7);
        for (int i = 0; i < 300; i++)
        {
            var walk = CodecTestUtil.RandomWalk(codec.Grammar, rng);
            Assert.Equal(walk, codec.Encode(codec.Decode(walk)).Tokens);
        }
    }

    [Fact]
    public void RejectsMismatchedVocabulariesAndCounts()
    {
        Assert.Throws<DecoRegException>(() => new MultiObjectiveCodec([new IeeeCodecOptions().Create(), new P10CodecOptions().Create()]));
        Assert.Throws<DecoRegException>(() => new MultiObjectiveCodec(new IeeeCodecOptions(), 0));
        var codec = new MultiObjectiveCodec(new P10CodecOptions(), 2);
        Assert.Contains("expected 2", Assert.Throws<DecoRegException>(() => codec.Encode([1.0])).Message);
    }
}
