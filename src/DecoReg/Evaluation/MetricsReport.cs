using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DecoReg.Evaluation;

/// <summary>
/// Metrics of a set of predictive distributions against targets (see <see cref="RegressionMetrics.Compute"/>).
/// <see cref="Coverage"/> and <see cref="IntervalWidth"/> are keyed by central-interval level (0.5, 0.9, 0.95).
/// A metric that is undefined for the data (e.g. R² of constant targets, an infinite NLL) is NaN/∞ here and
/// null in JSON.
/// </summary>
public sealed record MetricsReport(
    int Rows,
    double Rmse,
    double Mae,
    double R2,
    double KendallTau,
    double Spearman,
    double Nll,
    double Crps,
    IReadOnlyDictionary<double, double> Coverage,
    IReadOnlyDictionary<double, double> IntervalWidth)
{
    /// <summary>
    /// The report as a JSON object with exactly the keys rows, rmse, mae, r2, kendall_tau, spearman, nll, crps,
    /// coverage, interval_width (the last two objects keyed by level, e.g. "0.5", "0.9", "0.95").
    /// </summary>
    public string ToJson(bool indented = true)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
            WriteJson(writer);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes the JSON object of <see cref="ToJson"/> to <paramref name="writer"/>.</summary>
    public void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteNumber("rows", Rows);
        WriteNumber(writer, "rmse", Rmse);
        WriteNumber(writer, "mae", Mae);
        WriteNumber(writer, "r2", R2);
        WriteNumber(writer, "kendall_tau", KendallTau);
        WriteNumber(writer, "spearman", Spearman);
        WriteNumber(writer, "nll", Nll);
        WriteNumber(writer, "crps", Crps);
        WriteLevels(writer, "coverage", Coverage);
        WriteLevels(writer, "interval_width", IntervalWidth);
        writer.WriteEndObject();
    }

    /// <summary>The JSON key of an interval level: shortest round-trip invariant form ("0.5", "0.9", "0.95").</summary>
    public static string LevelKey(double level) => level.ToString("R", CultureInfo.InvariantCulture);

    private static void WriteLevels(Utf8JsonWriter writer, string name, IReadOnlyDictionary<double, double> values)
    {
        writer.WriteStartObject(name);
        foreach (var level in values.Keys.Order())
            WriteNumber(writer, LevelKey(level), values[level]);
        writer.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, double value)
    {
        if (double.IsFinite(value))
            writer.WriteNumber(name, value);
        else
            writer.WriteNull(name);
    }
}
