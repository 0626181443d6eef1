using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json.Serialization;

namespace DecoReg.Numbers;

/// <summary>
/// Registry of codec kinds and their options by name, so the CLI (and config files) can build
/// <see cref="CodecOptions"/> from strings such as <c>--codec ieee --mantissa-digits 5</c>. It is read from the
/// <see cref="JsonDerivedTypeAttribute"/> lines on <see cref="CodecOptions"/> (the discriminator is the codec's name),
/// so a new codec registers in one place: its options record's constructor parameters are its options (kebab-case
/// names, int, int? or bool values, defaults from the parameters) and its <see cref="DescriptionAttribute"/> its summary.
/// </summary>
public static class Codecs
{
    private sealed record Kind(string Name, string Summary, ConstructorInfo Constructor, ParameterInfo[] Parameters)
    {
        public IEnumerable<string> OptionNames => Parameters.Select(p => OptionName(p.Name!));
    }

    private static readonly Kind[] All = typeof(CodecOptions).GetCustomAttributes<JsonDerivedTypeAttribute>()
        .Select(a => Describe((string)a.TypeDiscriminator!, a.DerivedType))
        .OrderBy(k => k.Name, StringComparer.Ordinal)
        .ToArray();

    /// <summary>Codec kind names, e.g. "ieee", "normalized", "p10".</summary>
    public static IReadOnlyList<string> Kinds { get; } = All.Select(k => k.Name).ToArray();

    /// <summary>One-line description of a codec kind.</summary>
    public static string Summary(string kind) => Find(kind).Summary;

    /// <summary>The option names (kebab-case) a codec kind accepts.</summary>
    public static IReadOnlyList<string> OptionNames(string kind) => Find(kind).OptionNames.ToArray();

    /// <summary>Every option name of any codec kind (the CLI offers each as a flag).</summary>
    public static IReadOnlyList<string> AllOptionNames { get; } = All.SelectMany(k => k.OptionNames).Distinct().Order(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// Builds and validates the options of codec <paramref name="kind"/>; options not given keep their defaults.
    /// Throws <see cref="DecoRegException"/> for an unknown codec, unknown option or bad value, listing what is valid.
    /// A flag option (specials) given with an empty value means true.
    /// </summary>
    public static CodecOptions Parse(string kind, IReadOnlyDictionary<string, string> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var k = Find(kind);
        var values = k.Parameters.Select(p => p.DefaultValue).ToArray();
        var names = k.OptionNames.ToList();
        foreach (var (name, value) in options)
        {
            int i = names.IndexOf(name.TrimStart('-').ToLowerInvariant());
            if (i < 0)
                throw new DecoRegException($"unknown option '{name}' for codec {k.Name}; valid options: {string.Join(", ", names)}");
            values[i] = Value(names[i], k.Parameters[i].ParameterType, value);
        }
        var result = (CodecOptions)k.Constructor.Invoke(values);
        result.Create(); // validate now, with the codec's own message
        return result;
    }

    private static Kind Find(string kind) =>
        All.FirstOrDefault(k => string.Equals(k.Name, kind?.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new DecoRegException($"unknown codec '{kind}'; valid codecs: {string.Join(", ", All.Select(k => k.Name))}");

    /// <summary>A registered options record: its widest constructor (the primary one), whose parameters all need defaults.</summary>
    private static Kind Describe(string name, Type type)
    {
        var constructor = type.GetConstructors().MaxBy(c => c.GetParameters().Length)
            ?? throw new InvalidOperationException($"codec options {type.Name} have no public constructor");
        var parameters = constructor.GetParameters();
        foreach (var p in parameters)
            if (!p.HasDefaultValue || !(p.ParameterType == typeof(int) || p.ParameterType == typeof(int?) || p.ParameterType == typeof(bool)))
                throw new InvalidOperationException($"codec options {type.Name}: parameter {p.Name} needs a default and an int, int? or bool type");
        string summary = type.GetCustomAttribute<DescriptionAttribute>()?.Description
            ?? throw new InvalidOperationException($"codec options {type.Name} need a [Description] summary");
        return new Kind(name, summary, constructor, parameters);
    }

    /// <summary>ExponentDigits → exponent-digits.</summary>
    private static string OptionName(string parameter)
    {
        var sb = new StringBuilder();
        foreach (char c in parameter)
        {
            if (char.IsUpper(c) && sb.Length > 0) sb.Append('-');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    private static object Value(string name, Type type, string value) =>
        type == typeof(bool) ? Bool(name, value) : Int(name, value);

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
