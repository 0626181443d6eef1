using System.Text.Json;

namespace DecoReg.Server;

/// <summary>
/// The body of <c>POST /v1/models/{name}/predict</c>, read strictly from JSON:
/// <c>{"rows": [{col: value, …}, …], "quantiles": [0.05, 0.5, 0.95], "interval": 0.9, "density": false, "task": "name"}</c>
/// ("task" for multi-task models: the task of every row; else each row's task column, or the model's only task). Rows are
/// read with the JSON Lines reader's rules (nested objects as dotted names, arrays joined, null or absent = missing;
/// a key absent from some rows is missing there), so a request answers what <c>decoreg predict</c> answers for the same
/// rows in a file. Anything else — unknown fields, wrong types, levels outside (0, 1), no rows — is a
/// <see cref="RequestProblem"/> naming the field.
/// </summary>
public sealed record PredictRequest(Table Rows, IReadOnlyList<double> Quantiles, double Interval, bool Density, string? Task = null)
{
    public static readonly IReadOnlyList<double> DefaultQuantiles = [0.05, 0.5, 0.95];
    public const double DefaultInterval = 0.9;
    public const int MaxQuantiles = 99;
    private static readonly string[] Fields = ["rows", "quantiles", "interval", "density", "task"];

    /// <summary>Reads and checks a parsed body; <paramref name="maxRows"/> above is a 413.</summary>
    public static PredictRequest Read(JsonElement body, int maxRows)
    {
        if (body.ValueKind != JsonValueKind.Object)
            throw RequestProblem.BadRequest($"body: expected a JSON object {{\"rows\": [...]}}, got {Kind(body)}.");
        foreach (var property in body.EnumerateObject())
            if (!Fields.Contains(property.Name, StringComparer.Ordinal))
                throw RequestProblem.BadRequest($"unknown field '{property.Name}'; expected {string.Join(", ", Fields)}.");
        if (!body.TryGetProperty("rows", out var rows))
            throw RequestProblem.BadRequest("rows: missing; give {\"rows\": [{\"column\": value, ...}, ...]}.");
        if (rows.ValueKind != JsonValueKind.Array) throw RequestProblem.BadRequest($"rows: expected an array of objects, got {Kind(rows)}.");
        int count = rows.GetArrayLength();
        if (count == 0) throw RequestProblem.BadRequest("rows: empty; give at least one row.");
        if (count > maxRows) throw RequestProblem.TooLarge($"rows: {count} rows; at most {maxRows} per request.");
        var items = rows.EnumerateArray().ToArray();
        for (int i = 0; i < items.Length; i++)
            if (items[i].ValueKind != JsonValueKind.Object)
                throw RequestProblem.BadRequest($"rows[{i}]: expected an object {{\"column\": value, ...}}, got {Kind(items[i])}.");
        var table = JsonLinesTableReader.FromObjects(items, "rows");
        var quantiles = body.TryGetProperty("quantiles", out var q) ? Levels(q) : DefaultQuantiles;
        double interval = body.TryGetProperty("interval", out var level) ? Level(level, "interval") : DefaultInterval;
        bool density = false;
        if (body.TryGetProperty("density", out var d))
        {
            if (d.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                throw RequestProblem.BadRequest($"density: expected true or false, got {Kind(d)}.");
            density = d.GetBoolean();
        }
        string? task = null;
        if (body.TryGetProperty("task", out var t))
        {
            if (t.ValueKind != JsonValueKind.String || t.GetString() is not { Length: > 0 } name)
                throw RequestProblem.BadRequest($"task: expected a task name (a non-empty string), got {Kind(t)}.");
            task = name;
        }
        return new PredictRequest(table, quantiles, interval, density, task);
    }

    private static double[] Levels(JsonElement array)
    {
        if (array.ValueKind != JsonValueKind.Array) throw RequestProblem.BadRequest($"quantiles: expected an array of numbers, got {Kind(array)}.");
        if (array.GetArrayLength() > MaxQuantiles) throw RequestProblem.BadRequest($"quantiles: at most {MaxQuantiles} levels.");
        return array.EnumerateArray().Select((e, i) => Level(e, $"quantiles[{i}]")).ToArray();
    }

    /// <summary>A probability level strictly inside (0, 1).</summary>
    private static double Level(JsonElement e, string field)
    {
        if (e.ValueKind != JsonValueKind.Number) throw RequestProblem.BadRequest($"{field}: expected a number in (0, 1), got {Kind(e)}.");
        if (!e.TryGetDouble(out double v) || !double.IsFinite(v) || v <= 0 || v >= 1)
            throw RequestProblem.BadRequest($"{field}: {e.GetRawText()} is outside (0, 1).");
        return v;
    }

    private static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
