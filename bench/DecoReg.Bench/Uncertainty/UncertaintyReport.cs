using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DecoReg.Persistence;

namespace DecoReg.Bench.Uncertainty;

/// <summary>
/// Writes the <c>uncertainty</c> suite's reports: <c>uncertainty.md</c> (command, machine, budgets, then each part's
/// section), <c>uncertainty.json</c> (every run's figures) and one figure per part (<c>uncertainty.png</c> for the
/// first part with a figure, <c>uncertainty-&lt;part&gt;.png</c> for the others).
/// </summary>
public static class UncertaintyReport
{
    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    public static void Write(UncertaintyRecord record, string outDir)
    {
        ArgumentNullException.ThrowIfNull(record);
        string stem = Path.Combine(outDir, UncertaintyStore.Suite);
        var figures = new List<string>();
        foreach (var part in UncertaintyParts.All)
        {
            var plot = part.Plot(record.Runs.Where(r => r.Part == part.Name).ToArray());
            if (plot is null) continue;
            string file = figures.Count == 0 ? stem + ".png" : $"{stem}-{part.Name}.png";
            AtomicFile.Write(file, path => plot.SavePng(path, 1200, 600), what: "benchmark plot");
            figures.Add(Path.GetFileName(file));
        }
        AtomicFile.Write(stem + ".md", path => File.WriteAllText(path, Markdown(record, figures)), what: "benchmark report");
        AtomicFile.Write(stem + ".json", path => File.WriteAllText(path, Json(record)), what: "benchmark results");
    }

    private static string Markdown(UncertaintyRecord record, IReadOnlyList<string> figures)
    {
        var sb = new StringBuilder();
        BenchReport.AppendHeader(sb, "uncertainty", record.Quick, record.Commands, BenchReport.Machine(), record.Started, DateTimeOffset.UtcNow, record.Runs.Count);
        sb.AppendLine("- data: the 7 UCI sets, the standard published train/test splits (split numbers under each table)");
        sb.AppendLine(record.Quick ? "- budget: --quick (a few epochs, one split)"
            : $"- budget in epochs (not seconds, so runs reproduce on a loaded machine): at most {string.Join(", ", UncertaintyBudget.Epochs.Select(kv => $"{kv.Key} {kv.Value}"))} epochs for DecoReg and the Gaussian head, early stopping patience {UncertaintyBudget.Patience} on the seeded 10 % inner hold-out (best weights restored); LightGBM at most 2000 rounds with early stopping; seed 0");
        sb.AppendLine();
        foreach (var part in UncertaintyParts.All)
        {
            var runs = record.Runs.Where(r => r.Part == part.Name).ToArray();
            if (runs.Length == 0) continue;
            part.Report(sb, runs, record.Runs);
        }
        foreach (var f in figures) sb.AppendLine($"![{f}]({f})").AppendLine();
        return sb.ToString();
    }

    private static string Json(UncertaintyRecord record)
    {
        var root = new JsonObject
        {
            ["suite"] = UncertaintyStore.Suite,
            ["quick"] = record.Quick,
            ["commands"] = new JsonArray(record.Commands.Select(c => (JsonNode)JsonValue.Create(c)!).ToArray()),
            ["machine"] = BenchReport.Machine(),
            ["started_utc"] = record.Started.ToString("O", Ci),
            ["updated_utc"] = DateTimeOffset.UtcNow.ToString("O", Ci),
            ["epochs"] = new JsonObject(UncertaintyBudget.Epochs.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
            ["calibration_fraction"] = UncertaintySplit.CalibrationFraction,
            ["calibration_seed"] = UncertaintySplit.CalibrationSeed,
            ["runs"] = new JsonArray(record.Runs.Select(r => (JsonNode)new JsonObject
            {
                ["part"] = r.Part, ["dataset"] = r.Dataset, ["split"] = r.Split, ["metrics"] = r.Metrics.DeepClone(),
            }).ToArray()),
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
