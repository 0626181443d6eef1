using System.Globalization;
using System.Text.Json.Nodes;

namespace DecoReg.Bench.Uncertainty;

/// <summary>Everything recorded for the <c>uncertainty</c> suite in one output folder.</summary>
public sealed record UncertaintyRecord(bool Quick, IReadOnlyList<string> Commands, DateTimeOffset Started, IReadOnlyList<UncertaintyRun> Runs);

/// <summary>
/// The <c>uncertainty</c> suite's results in an output folder (<c>uncertainty.json</c> plus the reports made from it):
/// one run per (part, data set, split), accumulated across commands and resumable like <see cref="BenchStore"/> (every
/// write re-reads the file under the same <see cref="StoreLock"/> and merges; files are replaced atomically).
/// </summary>
public sealed class UncertaintyStore
{
    public const string Suite = "uncertainty";
    private readonly string outDir;
    private readonly bool quick;
    private readonly string command;

    private UncertaintyStore(string outDir, bool quick, string command)
    {
        this.outDir = outDir;
        this.quick = quick;
        this.command = command;
    }

    public string JsonPath => Path.Combine(outDir, Suite + ".json");

    /// <summary>Opens (or starts) the store; a file recorded with the other quick setting is a user error.</summary>
    public static UncertaintyStore Open(string outDir, bool quick, string command)
    {
        var store = new UncertaintyStore(outDir, quick, command);
        if (store.Load() is { Runs.Count: > 0 } existing && existing.Quick != quick)
            throw new DecoRegException($"{store.JsonPath} holds {(existing.Quick ? "quick" : "full")} runs; this command's are {(quick ? "quick" : "full")}. Use another --out folder, or move that file away");
        return store;
    }

    /// <summary>The (part, data set, split) runs already recorded.</summary>
    public IReadOnlySet<(string Part, string Dataset, int Split)> Recorded() =>
        (Load()?.Runs ?? []).Select(r => (r.Part, r.Dataset, r.Split)).ToHashSet();

    /// <summary>Records a run (replacing an earlier one of the same part, data set and split) and rewrites the reports.</summary>
    public UncertaintyRecord Add(UncertaintyRun? run, DateTimeOffset started)
    {
        Directory.CreateDirectory(outDir);
        using var gate = StoreLock.Acquire(outDir, Suite);
        var existing = Load();
        var sets = BenchSuites.Uci.ToList();
        var parts = UncertaintyParts.Names.ToList();
        var runs = (existing?.Runs ?? [])
            .Where(r => run is null || (r.Part, r.Dataset, r.Split) != (run.Part, run.Dataset, run.Split))
            .Concat(run is null ? [] : [run])
            .OrderBy(r => parts.IndexOf(r.Part)).ThenBy(r => sets.IndexOf(r.Dataset)).ThenBy(r => r.Split)
            .ToArray();
        var commands = (existing?.Commands ?? []).ToList();
        if (run is not null && !commands.Contains(command)) commands.Add(command);
        var first = existing is null || started < existing.Started ? started : existing.Started;
        var record = new UncertaintyRecord(quick, commands, first, runs);
        UncertaintyReport.Write(record, outDir);
        return record;
    }

    /// <summary>The recorded file, or null when there is none.</summary>
    public UncertaintyRecord? Load()
    {
        if (!File.Exists(JsonPath)) return null;
        try
        {
            var root = JsonNode.Parse(File.ReadAllText(JsonPath))!.AsObject();
            var runs = root["runs"]!.AsArray().Select(n => n!.AsObject()).Select(o =>
                new UncertaintyRun((string)o["part"]!, (string)o["dataset"]!, (int)o["split"]!, o["metrics"]!.DeepClone().AsObject())).ToArray();
            return new UncertaintyRecord((bool?)root["quick"] ?? false, root["commands"]!.AsArray().Select(c => (string)c!).ToArray(),
                DateTimeOffset.Parse((string)root["started_utc"]!, CultureInfo.InvariantCulture), runs);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or NullReferenceException or FormatException)
        {
            throw new DecoRegException($"{JsonPath} is not an uncertainty results file DecoReg can read ({e.Message}); move it away or use another --out folder");
        }
    }
}
