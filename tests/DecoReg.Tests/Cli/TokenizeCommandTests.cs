using DecoReg.Cli;

namespace DecoReg.Tests.Cli;

public class TokenizeCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var @out = new StringWriter();
        var err = new StringWriter();
        int code = DecoRegApp.Run(args, @out, err);
        return (code, @out.ToString(), err.ToString());
    }

    private static string[] Row(string output, string value) =>
        output.Split('\n').Single(l => l.TrimStart('│', ' ').StartsWith(value + " ", StringComparison.Ordinal))
              .Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public void Ieee_PrintsTokensAndDecodedValues()
    {
        var (code, output, err) = Run("tokenize", "--codec", "ieee", "123.4", "1000", "-0.5");
        Assert.Equal(0, code);
        Assert.Equal("", err);
        Assert.Contains("\"kind\":\"ieee\"", output);
        Assert.Equal(["123.4", "[+] [+] [2] [1] [2] [3] [4]", "123.4"], Row(output, "123.4"));
        Assert.Equal(["1000", "[+] [+] [3] [1] [0] [0] [0]", "1000"], Row(output, "1000"));
        Assert.Equal(["-0.5", "[-] [-] [1] [5] [0] [0] [0]", "-0.5"], Row(output, "-0.5"));
    }

    [Fact]
    public void NotesClampingAndUnderflow()
    {
        var (code, output, _) = Run("tokenize", "1e12", "1e-12");
        Assert.Equal(0, code);
        Assert.Equal(["1e12", "[+] [+] [9] [9] [9] [9] [9]", "9999000000", "overflow: clamped to the largest value"], Row(output, "1e12"));
        Assert.Equal(["1e-12", "[+] [-] [9] [0] [0] [0] [0]", "0", "underflow: written as zero"], Row(output, "1e-12"));
    }

    [Fact]
    public void CodecOptions_ArePassedThrough()
    {
        var (code, output, _) = Run("tokenize", "--codec", "ieee", "--base", "2", "--exponent-digits", "3", "--mantissa-digits", "4", "--min-exponent", "-2", "0.75");
        Assert.Equal(0, code);
        Assert.Contains("(exponents -2..7)", output);
        Assert.Equal(["0.75", "[+] [-] [0] [0] [1] [1] [1] [0] [0]", "0.75"], Row(output, "0.75"));

        (code, output, _) = Run("tokenize", "--codec", "p10", "--digits", "3", "--exponent-range", "5", "--specials", "nan", "0.001", "--", "-inf");
        Assert.Equal(0, code);
        Assert.Equal(["nan", "[NaN] [PAD] [PAD] [PAD] [PAD]", "NaN"], Row(output, "nan"));
        Assert.Equal(["0.001", "[+] [1] [0] [0] [E-5]", "0.001"], Row(output, "0.001"));
        Assert.Equal(["-inf", "[-Inf] [PAD] [PAD] [PAD] [PAD]", "-Infinity"], Row(output, "-inf"));

        (code, output, _) = Run("tokenize", "--codec", "normalized", "--digits", "2", "0.25");
        Assert.Equal(0, code);
        Assert.Equal(["0.25", "[2] [5]", "0.255"], Row(output, "0.25"));
    }

    [Theory]
    [InlineData(new[] { "tokenize", "abc" }, "decoreg: error: value 'abc' is not a number; expected e.g. 123.4, -0.5, 1e-3, nan or inf")]
    [InlineData(new[] { "tokenize", "nan" }, "decoreg: error: ieee codec: cannot encode NaN; enable special tokens (--specials) or remove the row")]
    [InlineData(new[] { "tokenize", "--codec", "float8", "1" }, "decoreg: error: unknown codec 'float8'; valid codecs: ieee, normalized, p10")]
    [InlineData(new[] { "tokenize", "--codec", "p10", "--base", "2", "1" }, "decoreg: error: unknown option 'base' for codec p10; valid options: digits, exponent-range, specials")]
    [InlineData(new[] { "tokenize", "--base", "x", "1" }, "decoreg: error: option base: 'x' is not an integer")]
    [InlineData(new[] { "tokenize", "--codec", "normalized", "1.5" }, "decoreg: error: normalized codec: value 1.5 is outside [0, 1]; scale the target first")]
    [InlineData(new[] { "tokenize", "--min-exponent", "-20", "1" }, "decoreg: error: ieee codec: exponent range [-20, 9] is invalid; expected min ≤ max within [-9, 9] (1 base-10 exponent digits)")]
    [InlineData(new[] { "tokenize" }, "decoreg: error: tokenize: no values given; expected one or more numbers, e.g. decoreg tokenize 123.4 -0.5 (put -inf after --)")]
    [InlineData(new[] { "tokenize", "--bogus", "1" }, "decoreg: error: Unknown option 'bogus'.")]
    [InlineData(new[] { "frobnicate" }, "decoreg: error: Unknown command 'frobnicate'.")]
    public void UserErrors_OneLineOnStderr_ExitCode2(string[] args, string expected)
    {
        var (code, output, err) = Run(args);
        Assert.Equal(2, code);
        Assert.Equal(expected, err.TrimEnd('\r', '\n'));
        Assert.DoesNotContain('\n', err.TrimEnd('\r', '\n'));
        Assert.DoesNotContain("   at ", err);
        Assert.Equal("", output); // nothing half-printed before the error
    }

    [Fact]
    public void NumbersAreCultureInvariant()
    {
        var saved = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            var (code, output, _) = Run("tokenize", "123.4");
            Assert.Equal(0, code);
            Assert.Equal(["123.4", "[+] [+] [2] [1] [2] [3] [4]", "123.4"], Row(output, "123.4"));
            Assert.Equal(2, Run("tokenize", "123,4").Code);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Help_ListsCommandOptionsAndExamples()
    {
        var (code, output, _) = Run("tokenize", "--help");
        Assert.Equal(0, code);
        Assert.Contains("decoreg tokenize", output);
        Assert.Contains("--mantissa-digits", output);
        Assert.Contains("--exponent-range", output);
        Assert.Contains("decoreg tokenize --codec ieee 123.4 1000 -0.5", output);
        (code, output, _) = Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("tokenize", output);
    }

    [Fact]
    public void ErrorHandling_MapsExceptionsToExitCodes()
    {
        var err = new StringWriter();
        Assert.Equal(2, ErrorHandling.Handle(new DecoRegException("bad row 3"), err));
        Assert.Equal("decoreg: error: bad row 3", err.ToString().TrimEnd());
        err = new StringWriter();
        Assert.Equal(1, ErrorHandling.Handle(new InvalidOperationException("boom"), err));
        Assert.StartsWith("decoreg: internal error: boom", err.ToString());
        Assert.Equal(2, ErrorHandling.Handle(new System.Reflection.TargetInvocationException(new DecoRegException("x")), new StringWriter()));
    }
}
