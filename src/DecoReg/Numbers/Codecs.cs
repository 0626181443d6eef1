using System.Globalization;

namespace DecoReg.Numbers;

/// <summary>
/// Registry of codec kinds and their options by name, so the CLI (and config files) can build
/// <see cref="CodecOptions"/> from strings such as <c>--codec ieee --mantissa-digits 5</c>. Option names are
/// kebab-case; a new codec adds one entry to <see cref="Kinds"/>.
/// </summary>
public static class Codecs
{
    private delegate CodecOptions Setter(CodecOptions options, string value);

    private sealed record Kind(string Name, string Summary, Func<CodecOptions> Default, IReadOnlyDictionary<string, Setter> Options);

    private static readonly Kind[] All =
    [
        new("ieee", "sign, exponent sign, exponent digits, mantissa digits (±d.ddd × B^e)", () => new IeeeCodecOptions(),
            new Dictionary<string, Setter>
            {
                ["base"] = (o, v) => (IeeeCodecOptions)o with { Base = Int("base", v) },
                ["exponent-digits"] = (o, v) => (IeeeCodecOptions)o with { ExponentDigits = Int("exponent-digits", v) },
                ["mantissa-digits"] = (o, v) => (IeeeCodecOptions)o with { MantissaDigits = Int("mantissa-digits", v) },
                ["min-exponent"] = (o, v) => (IeeeCodecOptions)o with { MinExponent = Int("min-exponent", v) },
                ["max-exponent"] = (o, v) => (IeeeCodecOptions)o with { MaxExponent = Int("max-exponent", v) },
                ["specials"] = (o, v) => (IeeeCodecOptions)o with { Specials = Bool("specials", v) },
            }),
        new("normalized", "K base-B digits of a value in [0, 1] (min-max scaled targets)", () => new NormalizedCodecOptions(),
            new Dictionary<string, Setter>
            {
                ["base"] = (o, v) => (NormalizedCodecOptions)o with { Base = Int("base", v) },
                ["digits"] = (o, v) => (NormalizedCodecOptions)o with { Digits = Int("digits", v) },
            }),
        new("p10", "sign, decimal mantissa digits, one exponent token (±dddd × 10^E)", () => new P10CodecOptions(),
            new Dictionary<string, Setter>
            {
                ["digits"] = (o, v) => (P10CodecOptions)o with { Digits = Int("digits", v) },
                ["exponent-range"] = (o, v) => (P10CodecOptions)o with { ExponentRange = Int("exponent-range", v) },
                ["specials"] = (o, v) => (P10CodecOptions)o with { Specials = Bool("specials", v) },
            }),
    ];

    /// <summary>Codec kind names, e.g. "ieee", "normalized", "p10".</summary>
    public static IReadOnlyList<string> Kinds { get; } = All.Select(k => k.Name).ToArray();

    /// <summary>One-line description of a codec kind.</summary>
    public static string Summary(string kind) => Find(kind).Summary;

    /// <summary>The option names (kebab-case) a codec kind accepts.</summary>
    public static IReadOnlyList<string> OptionNames(string kind) => Find(kind).Options.Keys.ToArray();

    /// <summary>
    /// Builds and validates the options of codec <paramref name="kind"/>; options not given keep their defaults.
    /// Throws <see cref="DecoRegException"/> for an unknown codec, unknown option or bad value, listing what is valid.
    /// A flag option (specials) given with an empty value means true.
    /// </summary>
    public static CodecOptions Parse(string kind, IReadOnlyDictionary<string, string> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var k = Find(kind);
        var result = k.Default();
        foreach (var (name, value) in options)
        {
            string key = name.TrimStart('-').ToLowerInvariant();
            if (!k.Options.TryGetValue(key, out var set))
                throw new DecoRegException($"unknown option '{name}' for codec {k.Name}; valid options: {string.Join(", ", k.Options.Keys)}");
            result = set(result, value);
        }
        result.Create(); // validate now, with the codec's own message
        return result;
    }

    private static Kind Find(string kind) =>
        All.FirstOrDefault(k => string.Equals(k.Name, kind?.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new DecoRegException($"unknown codec '{kind}'; valid codecs: {string.Join(", ", All.Select(k => k.Name))}");

    private static int Int(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int i)
            ? i
            : throw new DecoRegException($"option {name}: '{value}' is not an integer");

    private static bool Bool(string name, string value) => value.Trim().ToLowerInvariant() switch
    {
        "" or "true" or "1" or "yes" or "on" => true,
        "false" or "0" or "no" or "off" => false,
        _ => throw new DecoRegException($"option {name}: '{value}' is not a boolean; expected true or false"),
    };
}
