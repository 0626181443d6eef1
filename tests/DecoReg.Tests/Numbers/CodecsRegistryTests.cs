using System.Text.Json;
using DecoReg.Numbers;

namespace DecoReg.Tests.Numbers;

public class CodecsRegistryTests
{
    [Fact]
    public void Parse_BuildsOptions()
    {
        var o = Codecs.Parse("ieee", new Dictionary<string, string> { ["base"] = "16", ["mantissa-digits"] = "3", ["min-exponent"] = "-4", ["specials"] = "" });
        Assert.Equal(new IeeeCodecOptions(Base: 16, MantissaDigits: 3, MinExponent: -4, Specials: true), o);
        Assert.Equal(new P10CodecOptions(Digits: 3, ExponentRange: 5), Codecs.Parse("P10", new Dictionary<string, string> { ["digits"] = "3", ["--exponent-range"] = "5" }));
        Assert.Equal(new NormalizedCodecOptions(), Codecs.Parse("normalized", new Dictionary<string, string>()));
        Assert.Equal(["ieee", "normalized", "p10"], Codecs.Kinds);
    }

    [Fact]
    public void Parse_ErrorsListWhatIsValid()
    {
        var unknown = Assert.Throws<DecoRegException>(() => Codecs.Parse("float8", new Dictionary<string, string>()));
        Assert.Equal("unknown codec 'float8'; valid codecs: ieee, normalized, p10", unknown.Message);
        var option = Assert.Throws<DecoRegException>(() => Codecs.Parse("p10", new Dictionary<string, string> { ["base"] = "2" }));
        Assert.Equal("unknown option 'base' for codec p10; valid options: digits, exponent-range, specials", option.Message);
        Assert.Contains("'x' is not an integer", Assert.Throws<DecoRegException>(() => Codecs.Parse("ieee", new Dictionary<string, string> { ["base"] = "x" })).Message);
        Assert.Contains("base 40", Assert.Throws<DecoRegException>(() => Codecs.Parse("ieee", new Dictionary<string, string> { ["base"] = "40" })).Message);
    }

    [Fact]
    public void CodecOptions_JsonRoundTrip()
    {
        CodecOptions[] all = [new IeeeCodecOptions(Base: 2, MinExponent: -3, Specials: true), new P10CodecOptions(5, 7, true), new NormalizedCodecOptions(2, 8)];
        foreach (var o in all)
        {
            string json = JsonSerializer.Serialize(o);
            Assert.Equal(o, JsonSerializer.Deserialize<CodecOptions>(json));
        }
        Assert.Contains("\"kind\":\"ieee\"", JsonSerializer.Serialize<CodecOptions>(all[0]));
    }

    [Fact]
    public void EveryRegisteredOption_HasACliFlag_AndEachCodecSaysHowItFits()
    {
        Assert.Empty(DecoReg.Cli.Commands.CodecSettings.MissingFlags());
        Assert.Equal(["base", "digits", "exponent-digits", "exponent-range", "mantissa-digits", "max-exponent", "min-exponent", "specials"], Codecs.AllOptionNames);
        Assert.Equal("K base-B digits of a value in [0, 1] (min-max scaled targets)", Codecs.Summary("normalized"));
        Assert.True(new NormalizedCodecOptions().NeedsUnitInterval());
        Assert.False(new IeeeCodecOptions().NeedsUnitInterval());
        var fitted = new IeeeCodecOptions().FitTo([0.5, 12.0, -300.0]);
        Assert.Equal(new IeeeCodecOptions(MinExponent: -2, MaxExponent: 3), fitted); // 5e-1 .. 3e2, one decade each side
        var p10 = new P10CodecOptions();
        Assert.Same(p10, p10.FitTo([1.0]));
        Assert.Equal("{\"kind\":\"normalized\",\"Base\":10,\"Digits\":2}", JsonSerializer.Serialize<CodecOptions>(new NormalizedCodecOptions()));
    }
}
