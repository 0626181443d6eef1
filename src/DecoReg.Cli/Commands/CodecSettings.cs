using System.ComponentModel;
using System.Reflection;
using DecoReg.Numbers;
using Spectre.Console.Cli;

namespace DecoReg.Cli.Commands;

/// <summary>
/// The --codec option and its codec options, shared by every command that builds a codec (tokenize, train, …), on top of
/// the data options (tokenize can encode a data set's targets; train trains on them).
/// Option values stay strings here and are parsed by <see cref="Codecs.Parse"/>, which rejects options the chosen codec
/// does not have and names the option in bad-value errors. The flags are the union of the registered codecs' options
/// (<see cref="Codecs.AllOptionNames"/>); a codec with a new option name adds one flag property here.
/// </summary>
public class CodecSettings : DataSettings
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
    [Description("p10: mantissa digits (default 4); normalized: digits (default 2). With no codec option at all, train decides by data: the normalized codec with 3 digits for a single-task table read by the MLP backbone from 2,000 training rows, 2 otherwise.")]
    public string? Digits { get; init; }

    [CommandOption("--exponent-range <R>")]
    [Description("p10: exponent tokens E-R..ER. Default 10.")]
    public string? ExponentRange { get; init; }

    [CommandOption("--specials")]
    [Description("ieee, p10: add NaN, +Inf, -Inf tokens.")]
    public bool Specials { get; init; }

    /// <summary>True when any codec option (or --codec) was given.</summary>
    public bool AnyCodecOption => Codec is not null || GivenOptions().Count > 0;

    /// <summary>The codec options the user asked for (codec <paramref name="defaultKind"/> when --codec is not
    /// given); throws DecoRegException for options the codec lacks.</summary>
    public CodecOptions ToCodecOptions(string defaultKind = "ieee") => Codecs.Parse(Codec ?? defaultKind, GivenOptions());

    /// <summary>
    /// The codec option flags declared in this class (every option of <see cref="Codecs.AllOptionNames"/> has one), by the
    /// registry's option name: a new codec whose options reuse these names needs no change here.
    /// </summary>
    private static readonly (string Name, PropertyInfo Property)[] OptionFlags = typeof(CodecSettings).GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        .Select(p => (Name: p.GetCustomAttribute<CommandOptionAttribute>()?.LongNames.FirstOrDefault(), Property: p))
        .Where(f => f.Name is not null && f.Name != "codec")
        .Select(f => (f.Name!, f.Property))
        .ToArray();

    /// <summary>The codec option names the registry has but this class offers no flag for (a codec added without its flag).</summary>
    public static IReadOnlyList<string> MissingFlags() => Codecs.AllOptionNames.Except(OptionFlags.Select(f => f.Name)).ToArray();

    private Dictionary<string, string> GivenOptions()
    {
        var options = new Dictionary<string, string>();
        foreach (var (name, property) in OptionFlags)
        {
            switch (property.GetValue(this))
            {
                case string value: options[name] = value; break;
                case true: options[name] = "true"; break;
            }
        }
        return options;
    }
}
