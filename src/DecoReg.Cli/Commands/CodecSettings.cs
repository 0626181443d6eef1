using System.ComponentModel;
using DecoReg.Numbers;
using Spectre.Console.Cli;

namespace DecoReg.Cli.Commands;

/// <summary>
/// The --codec option and its codec options, shared by every command that builds a codec (tokenize, train, …).
/// Option values stay strings here and are parsed by <see cref="Codecs.Parse"/>, which rejects options the chosen codec
/// does not have and names the option in bad-value errors.
/// </summary>
public class CodecSettings : CommandSettings
{
    [CommandOption("--codec <KIND>")]
    [Description("Number codec: ieee, p10 or normalized (default: ieee for tokenize, normalized for train).")]
    public string? Codec { get; init; }

    [CommandOption("--base <B>")]
    [Description("Digit base (ieee: 2..16, normalized: 2..36). Default 10.")]
    public string? Base { get; init; }

    [CommandOption("--exponent-digits <E>")]
    [Description("ieee: number of exponent digits. Default 1.")]
    public string? ExponentDigits { get; init; }

    [CommandOption("--mantissa-digits <M>")]
    [Description("ieee: number of mantissa digits. Default 4.")]
    public string? MantissaDigits { get; init; }

    [CommandOption("--min-exponent <N>")]
    [Description("ieee: smallest allowed exponent. Default -(B^E - 1).")]
    public string? MinExponent { get; init; }

    [CommandOption("--max-exponent <N>")]
    [Description("ieee: largest allowed exponent. Default B^E - 1.")]
    public string? MaxExponent { get; init; }

    [CommandOption("--digits <D>")]
    [Description("p10: mantissa digits (default 4); normalized: digits (default 3).")]
    public string? Digits { get; init; }

    [CommandOption("--exponent-range <R>")]
    [Description("p10: exponent tokens E-R..ER. Default 10.")]
    public string? ExponentRange { get; init; }

    [CommandOption("--specials")]
    [Description("ieee, p10: add NaN, +Inf, -Inf tokens.")]
    public bool Specials { get; init; }

    /// <summary>True when any codec option (or --codec) was given.</summary>
    public bool AnyCodecOption =>
        Codec is not null || Base is not null || ExponentDigits is not null || MantissaDigits is not null ||
        MinExponent is not null || MaxExponent is not null || Digits is not null || ExponentRange is not null || Specials;

    /// <summary>The codec options the user asked for (codec <paramref name="defaultKind"/> when --codec is not
    /// given); throws DecoRegException for options the codec lacks.</summary>
    public CodecOptions ToCodecOptions(string defaultKind = "ieee")
    {
        var options = new Dictionary<string, string>();
        void Add(string name, string? value)
        {
            if (value is not null) options[name] = value;
        }
        Add("base", Base);
        Add("exponent-digits", ExponentDigits);
        Add("mantissa-digits", MantissaDigits);
        Add("min-exponent", MinExponent);
        Add("max-exponent", MaxExponent);
        Add("digits", Digits);
        Add("exponent-range", ExponentRange);
        if (Specials) options["specials"] = "true";
        return Codecs.Parse(Codec ?? defaultKind, options);
    }
}
