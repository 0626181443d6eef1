using System.Globalization;
using DecoReg.Numbers;

namespace DecoReg.Tests.Numbers;

public class IeeeCodecTests
{
    private static readonly IeeeCodec Default = new(new IeeeCodecOptions());
    private static readonly IeeeCodec Wide = new(new IeeeCodecOptions(ExponentDigits: 2));

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("123.4", "[+] [+] [2] [1] [2] [3] [4]", "123.4")]
    [InlineData("0.1234", "[+] [-] [1] [1] [2] [3] [4]", "0.1234")]
    [InlineData("1000", "[+] [+] [3] [1] [0] [0] [0]", "1000")]
    [InlineData("0.001", "[+] [-] [3] [1] [0] [0] [0]", "0.001")]
    [InlineData("9.99996", "[+] [+] [1] [1] [0] [0] [0]", "10")]
    [InlineData("9.99949", "[+] [+] [0] [9] [9] [9] [9]", "9.999")]
    [InlineData("-0.5", "[-] [-] [1] [5] [0] [0] [0]", "-0.5")]
    [InlineData("12345", "[+] [+] [4] [1] [2] [3] [5]", "12350")]
    [InlineData("-12345", "[-] [+] [4] [1] [2] [3] [4]", "-12340")] // ties go toward +inf
    [InlineData("1.23449", "[+] [+] [0] [1] [2] [3] [4]", "1.234")]
    [InlineData("0", "[+] [-] [9] [0] [0] [0] [0]", "0")]
    [InlineData("-0.0", "[+] [-] [9] [0] [0] [0] [0]", "0")]
    [InlineData("9.999e9", "[+] [+] [9] [9] [9] [9] [9]", "9.999e9")]
    [InlineData("1e-9", "[+] [-] [9] [1] [0] [0] [0]", "1e-9")]
    [InlineData("9.9995e-10", "[+] [-] [9] [1] [0] [0] [0]", "1e-9")]
    public void ExactCases_Default(string input, string tokens, string decoded)
    {
        var e = Default.Encode(D(input));
        Assert.Equal(tokens, Tokens.Format(Default, e.Tokens));
        Assert.Equal(EncodeStatus.Ok, e.Status);
        double v = Default.Decode(e.Tokens);
        Assert.Equal(D(decoded), v);
        if (v == 0) Assert.True(double.IsPositive(1 / v) && !double.IsNegative(v), "zero decodes as +0");
    }

    [Theory]
    [InlineData("1e12", "[+] [+] [9] [9] [9] [9] [9]", EncodeStatus.Overflow)]
    [InlineData("-1e300", "[-] [+] [9] [9] [9] [9] [9]", EncodeStatus.Overflow)]
    [InlineData("9.9995e9", "[+] [+] [9] [9] [9] [9] [9]", EncodeStatus.Overflow)]
    [InlineData("1e-12", "[+] [-] [9] [0] [0] [0] [0]", EncodeStatus.Underflow)]
    [InlineData("-1e-12", "[+] [-] [9] [0] [0] [0] [0]", EncodeStatus.Underflow)]
    [InlineData("9.9994e-10", "[+] [-] [9] [0] [0] [0] [0]", EncodeStatus.Underflow)]
    [InlineData("5e-324", "[+] [-] [9] [0] [0] [0] [0]", EncodeStatus.Underflow)]
    public void ClampCases_Default(string input, string tokens, EncodeStatus status)
    {
        var e = Default.Encode(D(input));
        Assert.Equal(tokens, Tokens.Format(Default, e.Tokens));
        Assert.Equal(status, e.Status);
    }

    [Theory]
    [InlineData("1e-12", "[+] [-] [1] [2] [1] [0] [0] [0]")]
    [InlineData("1e12", "[+] [+] [1] [2] [1] [0] [0] [0]")]
    [InlineData("-4.5678e-50", "[-] [-] [5] [0] [4] [5] [6] [8]")]
    public void ExactCases_TwoExponentDigits(string input, string tokens)
    {
        var e = Wide.Encode(D(input));
        Assert.Equal(tokens, Tokens.Format(Wide, e.Tokens));
        Assert.Equal(EncodeStatus.Ok, e.Status);
    }

    [Fact]
    public void ExactTies_GoTowardPlusInfinity_AtTheUnderflowBoundary()
    {
        // Base 2, 4 mantissa digits, smallest positive 1.000b x 2^0 = 1: the tie below it is 1.1111b x 2^-1 = 0.96875.
        var c = new IeeeCodec(new IeeeCodecOptions(Base: 2, ExponentDigits: 2, MantissaDigits: 4, MinExponent: 0));
        Assert.Equal((1.0, EncodeStatus.Ok), (c.Decode(c.Encode(0.96875).Tokens), c.Encode(0.96875).Status));
        Assert.Equal(EncodeStatus.Underflow, c.Encode(-0.96875).Status);
        Assert.Equal(c.Encode(0).Tokens, c.Encode(-0.96875).Tokens);
        Assert.Equal(new NumberBin(-0.96875, 0.96875), c.Bin(c.Encode(0).Tokens));
        // Interior tie: 1.0011b is between 1.001b and 1.010b; toward +inf for both signs.
        Assert.Equal(1.25, c.Decode(c.Encode(1.1875).Tokens));
        Assert.Equal(-1.125, c.Decode(c.Encode(-1.1875).Tokens));
    }

    [Fact]
    public void DefaultRange_StaysWithinDouble()
    {
        var c = new IeeeCodec(new IeeeCodecOptions(Base: 16, ExponentDigits: 2, MantissaDigits: 3));
        Assert.Equal(-254, c.MinExponent);
        Assert.Equal(254, c.MaxExponent);
        Assert.True(double.IsFinite(c.MaxValue));
        Assert.Equal(EncodeStatus.Overflow, c.Encode(double.MaxValue).Status);
        Assert.Equal(EncodeStatus.Underflow, c.Encode(double.Epsilon).Status);
        var ten = new IeeeCodec(new IeeeCodecOptions(ExponentDigits: 3));
        Assert.Equal((-306, 306), (ten.MinExponent, ten.MaxExponent));
        Assert.Equal(1e306, ten.Decode(ten.Encode(1e306).Tokens));
        Assert.Equal(1e-306, ten.Decode(ten.Encode(1e-306).Tokens));
    }

    [Fact]
    public void PowersOfTen_AreExact()
    {
        for (int k = -99; k <= 99; k++)
        {
            double v = D("1e" + k.ToString(CultureInfo.InvariantCulture));
            var e = Wide.Encode(v);
            string expected = $"[+] [{(k < 0 ? "-" : "+")}] [{Math.Abs(k) / 10}] [{Math.Abs(k) % 10}] [1] [0] [0] [0]";
            Assert.Equal(expected, Tokens.Format(Wide, e.Tokens));
            Assert.Equal(v, Wide.Decode(e.Tokens));
        }
    }

    [Fact]
    public void PowersOfTwo_Base2_AreExact()
    {
        var c = new IeeeCodec(new IeeeCodecOptions(Base: 2, ExponentDigits: 8, MantissaDigits: 6));
        for (int k = -200; k <= 200; k++)
        {
            double v = Math.ScaleB(1.0, k);
            var e = c.Encode(v);
            string bits = Convert.ToString(Math.Abs(k), 2).PadLeft(8, '0');
            string expected = $"[+] [{(k < 0 ? "-" : "+")}] " + string.Join(" ", bits.Select(b => $"[{b}]")) + " [1] [0] [0] [0] [0] [0]";
            Assert.Equal(expected, Tokens.Format(c, e.Tokens));
            Assert.Equal(v, c.Decode(e.Tokens));
            // Just below a power of two: 1.11111b x 2^(k-1), not the next power.
            var below = c.Encode(Math.BitDecrement(v));
            Assert.Equal(v, c.Decode(below.Tokens)); // rounds up with carry
            Assert.Equal(v * 63 / 64, c.Decode(c.Encode(v * 63 / 64).Tokens)); // 1.11111b x 2^(k-1) is representable
        }
    }

    [Fact]
    public void Base16_Cases()
    {
        var c = new IeeeCodec(new IeeeCodecOptions(Base: 16, ExponentDigits: 2, MantissaDigits: 3));
        Assert.Equal("[+] [+] [0] [2] [1] [0] [0]", Tokens.Format(c, c.Encode(256).Tokens));
        Assert.Equal("[+] [-] [0] [1] [8] [0] [0]", Tokens.Format(c, c.Encode(0.5).Tokens));
        Assert.Equal("[-] [+] [0] [2] [f] [f] [f]", Tokens.Format(c, c.Encode(-4095).Tokens));
        Assert.Equal("[+] [+] [0] [3] [1] [0] [0]", Tokens.Format(c, c.Encode(4095.9).Tokens)); // fff.f → carry to 1.00e3
        for (int k = -60; k <= 60; k++)
        {
            double v = Math.ScaleB(1.0, 4 * k);
            var e = c.Encode(v);
            Assert.Equal(v, c.Decode(e.Tokens));
            Assert.Equal(k < 0 ? c.Minus : c.Plus, e.Tokens[1]);
            Assert.Equal(Math.Abs(k), e.Tokens[2] * 16 + e.Tokens[3]);
            Assert.Equal([1, 0, 0], e.Tokens[4..]);
        }
    }

    [Fact]
    public void Bin_AtDecadeBoundary_IsAsymmetric()
    {
        var ten = Default.Encode(10).Tokens;
        var bin = Default.Bin(ten);
        Assert.Equal(9.9995, bin.Low, 1e-14);
        Assert.Equal(10.005, bin.High, 1e-14);
        // Exact over doubles: Low is the first double that encodes to 10, High the first that does not.
        Assert.Equal(ten, Default.Encode(bin.Low).Tokens);
        Assert.NotEqual(ten, Default.Encode(Math.BitDecrement(bin.Low)).Tokens);
        Assert.Equal(ten, Default.Encode(Math.BitDecrement(bin.High)).Tokens);
        Assert.NotEqual(ten, Default.Encode(bin.High).Tokens);

        var minusTen = Default.Bin(Default.Encode(-10).Tokens);
        Assert.Equal(-10.005, minusTen.Low, 1e-14);
        Assert.Equal(-9.9995, minusTen.High, 1e-14);
    }

    [Fact]
    public void ZeroBin_IsTheUnderflowInterval()
    {
        var zero = Default.Encode(0).Tokens;
        var bin = Default.Bin(zero);
        Assert.Equal(-9.9995e-10, bin.Low, 1e-24);
        Assert.Equal(9.9995e-10, bin.High, 1e-24);
        Assert.Equal(zero, Default.Encode(bin.Low).Tokens);
        Assert.Equal(zero, Default.Encode(Math.BitDecrement(bin.High)).Tokens);
        Assert.NotEqual(zero, Default.Encode(bin.High).Tokens);
        Assert.NotEqual(zero, Default.Encode(Math.BitDecrement(bin.Low)).Tokens);
    }

    [Fact]
    public void Bin_OfLargest_IsItsRoundingInterval()
    {
        var bin = Default.Bin(Default.Encode(9.999e9).Tokens);
        Assert.Equal(9.9985e9, bin.Low, 1e-5);
        Assert.Equal(9.9995e9, bin.High, 1e-5);
        Assert.Equal(9.999e9, Default.MaxValue);
        Assert.Equal(1e-9, Default.MinPositive);
    }

    [Fact]
    public void FitExponentRange_CoversValuesPlusMargin()
    {
        var o = new IeeeCodecOptions(ExponentDigits: 2);
        var fitted = IeeeCodecOptions.FitExponentRange(o, [0.5, 3, -250, 0, double.NaN, 9.99996], margin: 1);
        Assert.Equal(-2, fitted.MinExponent);
        Assert.Equal(3, fitted.MaxExponent);
        var none = IeeeCodecOptions.FitExponentRange(o, [0.0], 1);
        Assert.Equal(o, none);
        var clamped = IeeeCodecOptions.FitExponentRange(new IeeeCodecOptions(), [1e-9, 5e9], margin: 3);
        Assert.Equal(-9, clamped.MinExponent);
        Assert.Equal(9, clamped.MaxExponent);
        var codec = new IeeeCodec(fitted);
        Assert.Equal(EncodeStatus.Ok, codec.Encode(-250).Status);
        Assert.Equal(EncodeStatus.Overflow, codec.Encode(1e5).Status);
    }

    [Theory]
    [InlineData(1, 1, 4, null, null, "base 1")]
    [InlineData(17, 1, 4, null, null, "base 17")]
    [InlineData(10, 1, 4, -10, null, "[-10, 9]")]
    [InlineData(10, 1, 4, 5, 3, "[5, 3]")]
    [InlineData(10, 3, 4, -400, null, "expected exponents within [-306, 306]")]
    [InlineData(10, 1, 0, null, null, "0 mantissa digits")]
    public void BadOptions_Throw(int b, int e, int m, int? min, int? max, string fragment)
    {
        var ex = Assert.Throws<DecoRegException>(() => new IeeeCodecOptions(b, e, m, min, max).Create());
        Assert.Contains(fragment, ex.Message);
    }

    [Fact]
    public void TokenNames()
    {
        var c = new IeeeCodec(new IeeeCodecOptions(Base: 16, Specials: true));
        Assert.Equal(["0", "9", "a", "f", "+", "-", "NaN", "+Inf", "-Inf", "PAD"],
            new[] { 0, 9, 10, 15, 16, 17, 18, 19, 20, 21 }.Select(c.TokenName));
        Assert.Equal(22, c.VocabularySize);
        Assert.Throws<ArgumentOutOfRangeException>(() => c.TokenName(22));
    }

    [Fact]
    public void Decode_RejectsInvalidSequences()
    {
        var ok = Default.Encode(1.5).Tokens;
        var leadingZero = (int[])ok.Clone();
        leadingZero[3] = 0; // 0.500 x 10^0 is not canonical
        Assert.Throws<ArgumentException>(() => Default.Decode(leadingZero));
        var negZero = Default.Encode(0).Tokens;
        negZero[0] = Default.Minus;
        Assert.False(Default.Grammar.IsValid(negZero));
        Assert.Throws<ArgumentException>(() => Default.Bin(negZero));
    }
}
