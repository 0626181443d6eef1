using System.Text.Json.Nodes;

namespace DecoReg.Bench.Uncertainty;

/// <summary>What one part measured on one data set and split: a flat JSON object of named figures (null = undefined, e.g. an infinite width).</summary>
public sealed record UncertaintyRun(string Part, string Dataset, int Split, JsonObject Metrics)
{
    /// <summary>The figure named <paramref name="key"/> (NaN when absent or null; +∞ for a recorded "inf").</summary>
    public double this[string key] => Number(Metrics[key]);

    /// <summary>A recorded figure as a number (NaN when null or not a number; +∞ for "inf").</summary>
    public static double Number(JsonNode? node) => node switch
    {
        null => double.NaN,
        JsonValue v when v.TryGetValue(out string? s) => s == "inf" ? double.PositiveInfinity : double.NaN,
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Number => double.Parse(v.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture),
        _ => double.NaN,
    };

    /// <summary>A figure as JSON: finite numbers as numbers, +∞ as "inf" (an unbounded interval's width), NaN as null.</summary>
    public static JsonNode? Value(double v) =>
        double.IsFinite(v) ? JsonValue.Create(v) : double.IsPositiveInfinity(v) ? JsonValue.Create("inf") : null;

    /// <summary>Mean ± s.e. over the splits of one data set's runs.</summary>
    public static Summary Over(IEnumerable<UncertaintyRun> runs, string key) =>
        Summary.Of(runs.Select(r => r[key]).Where(v => !double.IsNaN(v)).ToArray());
}
