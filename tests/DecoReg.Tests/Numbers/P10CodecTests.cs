using System.Globalization;
using DecoReg.Numbers;

namespace DecoReg.Tests.Numbers;

public class P10CodecTests
{
    private static readonly P10Codec Default = new(new P10CodecOptions());

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("123.4", "[+] [1] [2] [3] [4] [E-1]", "123.4", EncodeStatus.Ok)]
    [InlineData("0.1234", "[+] [1] [2] [3] [4] [E-4]", "0.1234", EncodeStatus.Ok)]
    [InlineData("1000", "[+] [1] [0] [0] [0] [E0]", "1000", EncodeStatus.Ok)]
    [InlineData("9.99996", "[+] [1] [0] [0] [0] [E-2]", "10", EncodeStatus.Ok)]
    [InlineData("-0.0", "[+] [0] [0] [0] [0] [E-10]", "0", EncodeStatus.Ok)]
    [InlineData("0", "[+] [0] [0] [0] [0] [E-10]", "0", EncodeStatus.Ok)]
    [InlineData("1e-12", "[+] [0] [0] [0] [0] [E-10]", "0", EncodeStatus.Underflow)]
    [InlineData("1e-7", "[+] [1] [0] [0] [0] [E-10]", "1e-7", EncodeStatus.Ok)]
    [InlineData("1e12", "[+] [1] [0] [0] [0] [E9]", "1e12", EncodeStatus.Ok)]
    [InlineData("1e14", "[+] [9] [9] [9] [9] [E10]", "9.999e13", EncodeStatus.Overflow)]
    [InlineData("-9.9995e13", "[-] [9] [9] [9] [9] [E10]", "-9.999e13", EncodeStatus.Ok)]
    [InlineData("9.9995e13", "[+] [9] [9] [9] [9] [E10]", "9.999e13", EncodeStatus.Overflow)]
    [InlineData("-0.5", "[-] [5] [0] [0] [0] [E-4]", "-0.5", EncodeStatus.Ok)]
    public void ExactCases(string input, string tokens, string decoded, EncodeStatus status)
    {
        var e = Default.Encode(D(input));
        Assert.Equal(tokens, Tokens.Format(Default, e.Tokens));
        Assert.Equal(status, e.Status);
        Assert.Equal(D(decoded), Default.Decode(e.Tokens));
    }

    [Fact]
    public void PowersOfTen_AreExact()
    {
        for (int k = -7; k <= 13; k++)
        {
            double v = D("1e" + k.ToString(CultureInfo.InvariantCulture));
            var e = Default.Encode(v);
            Assert.Equal($"[+] [1] [0] [0] [0] [E{k - 3}]", Tokens.Format(Default, e.Tokens));
            Assert.Equal(v, Default.Decode(e.Tokens));
        }
    }

    [Fact]
    public void Bin_AtDecadeBoundary()
    {
        var t = Default.Encode(10).Tokens;
        var bin = Default.Bin(t);
        Assert.Equal(9.9995, bin.Low, 1e-14);
        Assert.Equal(10.005, bin.High, 1e-14);
        Assert.Equal(t, Default.Encode(bin.Low).Tokens);
        Assert.NotEqual(t, Default.Encode(Math.BitDecrement(bin.Low)).Tokens);
        var zero = Default.Bin(Default.Encode(0).Tokens);
        Assert.Equal(-9.9995e-8, zero.Low, 1e-22);
        Assert.Equal(9.9995e-8, zero.High, 1e-22);
    }

    [Fact]
    public void Grammar_ZeroOnlyWithPlusAndLowestExponent()
    {
        var g = Default.Grammar;
        Assert.Equal(6, g.Length);
        int afterMinus = g.Next(Grammar.Start, 11);
        Assert.DoesNotContain(0, g.AllowedTokens(afterMinus));
        int s = g.Next(Grammar.Start, 10);
        Assert.Contains(0, g.AllowedTokens(s));
        s = g.Next(s, 0);
        for (int i = 1; i < 4; i++) { Assert.Equal([0], g.AllowedTokens(s)); s = g.Next(s, 0); }
        Assert.Equal([Default.ExponentToken(-10)], g.AllowedTokens(s));
        var one = Default.Encode(1).Tokens;
        int t = Grammar.Start;
        for (int i = 0; i < 5; i++) t = g.Next(t, one[i]);
        Assert.Equal(21, g.AllowedTokens(t).Count());
        Assert.Equal(["E-10", "E0", "E10"], new[] { -10, 0, 10 }.Select(e => Default.TokenName(Default.ExponentToken(e))));
    }

    [Theory]
    [InlineData(0, 10, "0 digits")]
    [InlineData(16, 10, "16 digits")]
    [InlineData(4, -1, "exponent range -1")]
    [InlineData(4, 400, "exponent range 400")]
    public void BadOptions_Throw(int digits, int range, string fragment)
    {
        var ex = Assert.Throws<DecoRegException>(() => new P10CodecOptions(digits, range).Create());
        Assert.Contains(fragment, ex.Message);
    }
}
