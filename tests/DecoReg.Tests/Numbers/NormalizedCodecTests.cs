using DecoReg.Numbers;

namespace DecoReg.Tests.Numbers;

public class NormalizedCodecTests
{
    private static readonly NormalizedCodec Codec = new(new NormalizedCodecOptions(10, 3));

    [Theory]
    [InlineData(0.0, "[0] [0] [0]", 0.0005)]
    [InlineData(0.1234, "[1] [2] [3]", 0.1235)]
    [InlineData(0.5, "[5] [0] [0]", 0.5005)]
    [InlineData(1.0, "[9] [9] [9]", 0.9995)]
    public void ExactCases(double v, string tokens, double decoded)
    {
        var e = Codec.Encode(v);
        Assert.Equal(tokens, Tokens.Format(Codec, e.Tokens));
        Assert.Equal(decoded, Codec.Decode(e.Tokens), 1e-15);
    }

    [Fact]
    public void NegativeZero_IsZero() => Assert.Equal([0, 0, 0], Codec.Encode(-0.0).Tokens);

    [Fact]
    public void EveryBin_IsExactOverDoubles()
    {
        foreach (var codec in new[] { Codec, new NormalizedCodec(new NormalizedCodecOptions(2, 12)), new NormalizedCodec(new NormalizedCodecOptions(7, 4)) })
        {
            int bins = (int)Math.Round(Math.Pow(codec.Typed.Base, codec.Typed.Digits));
            var tokens = new int[codec.Length];
            for (int i = 0; i < bins; i++)
            {
                int x = i;
                for (int k = codec.Length - 1; k >= 0; k--) { tokens[k] = x % codec.Typed.Base; x /= codec.Typed.Base; }
                var bin = codec.Bin(tokens);
                Assert.Equal(tokens, codec.Encode(bin.Low).Tokens);
                Assert.Equal(tokens, codec.Encode(Math.BitDecrement(bin.High)).Tokens);
                if (bin.High < 1) Assert.NotEqual(tokens, codec.Encode(bin.High).Tokens);
            }
        }
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-0.001)]
    [InlineData(1.0000001)]
    public void OutOfRange_Throws(double v)
    {
        var ex = Assert.Throws<DecoRegException>(() => Codec.Encode(v));
        Assert.Contains("outside [0, 1]", ex.Message);
    }

    [Fact]
    public void BadOptions_Throw()
    {
        Assert.Throws<DecoRegException>(() => new NormalizedCodec(new NormalizedCodecOptions(1, 3)));
        Assert.Throws<DecoRegException>(() => new NormalizedCodec(new NormalizedCodecOptions(10, 0)));
        Assert.Throws<DecoRegException>(() => new NormalizedCodec(new NormalizedCodecOptions(10, 16)));
    }
}
