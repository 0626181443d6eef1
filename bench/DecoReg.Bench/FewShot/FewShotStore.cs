using System.Text.Json;
using System.Text.Json.Serialization;
using DecoReg.Persistence;

namespace DecoReg.Bench.FewShot;

/// <summary>Everything recorded in <c>fewshot.json</c>: the commands that contributed, the pretrainings and every run.</summary>
public sealed record FewShotRecord(
    bool Quick, IReadOnlyList<string> Commands, DateTimeOffset Started, DateTimeOffset Updated, string Machine,
    IReadOnlyList<FewShotPretraining> Pretrainings, IReadOnlyList<FewShotRun> Runs);

/// <summary>
/// The few-shot results kept in an output folder: <c>fewshot.json</c> (rewritten atomically after every run, under a
/// lock file so commands for different data sets can run side by side) and the reports made from it. A repeated
/// command skips the runs already recorded without error; a file recorded in the other mode (quick or full) is refused.
/// </summary>
public sealed class FewShotStore
{
    public const string Stem = "fewshot";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private readonly FewShotRequest request;

    private FewShotStore(FewShotRequest request) => this.request = request;

    public string JsonPath => Path.Combine(request.OutDir, Stem + ".json");

    /// <summary>Where the pretrained models are cached (reloaded by a rerun, never pretrained twice).</summary>
    public string ModelPath(string dataset) =>
        Path.Combine(request.OutDir, "fewshot-models", $"{dataset}{(request.Quick ? "-quick" : "")}.decoreg");

    public static FewShotStore Open(FewShotRequest request)
    {
        var store = new FewShotStore(request);
        var existing = store.Load();
        if (existing is not null && existing.Runs.Count > 0 && existing.Quick != request.Quick)
            throw new DecoRegException($"{store.JsonPath} holds {(existing.Quick ? "quick" : "full")} runs and this command is {(request.Quick ? "quick" : "full")}; use another --out folder, or move that file away");
        return store;
    }

    /// <summary>The runs recorded without error (failed runs are retried).</summary>
    public IReadOnlySet<(string Dataset, string Task, string Variant, int Size, int Seed)> Succeeded() =>
        (Load()?.Runs ?? []).Where(r => r.Error is null).Select(r => r.Key).ToHashSet();

    /// <summary>The pretraining recorded for a data set, if any.</summary>
    public FewShotPretraining? Pretraining(string dataset) => Load()?.Pretrainings.FirstOrDefault(p => p.Dataset == dataset);

    /// <summary>Records runs and a pretraining (each replacing an earlier one with the same key) and rewrites the reports.</summary>
    public FewShotRecord Add(IReadOnlyCollection<FewShotRun> runs, FewShotPretraining? pretraining = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        Directory.CreateDirectory(request.OutDir);
        using var gate = StoreLock.Acquire(request.OutDir, Stem);
        var existing = Load();
        var keys = runs.Select(r => r.Key).ToHashSet();
        var merged = (existing?.Runs ?? []).Where(r => !keys.Contains(r.Key)).Concat(runs)
            .OrderBy(r => DatasetOrder(r.Dataset)).ThenBy(r => r.Task, StringComparer.Ordinal).ThenBy(r => r.Variant, StringComparer.Ordinal)
            .ThenBy(r => r.Size).ThenBy(r => r.Seed).ToArray();
        var pretrainings = (existing?.Pretrainings ?? []).Where(p => p.Dataset != pretraining?.Dataset)
            .Concat(pretraining is null ? [] : [pretraining]).OrderBy(p => DatasetOrder(p.Dataset)).ToArray();
        var commands = (existing?.Commands ?? []).ToList();
        if ((runs.Count > 0 || pretraining is not null) && !commands.Contains(request.Command)) commands.Add(request.Command);
        var now = DateTimeOffset.UtcNow;
        var record = new FewShotRecord(request.Quick, commands, existing?.Started ?? now, now, BenchReport.Machine(), pretrainings, merged);
        AtomicFile.Write(JsonPath, path => File.WriteAllText(path, JsonSerializer.Serialize(record, JsonOptions)), what: "few-shot results");
        FewShotReport.Write(record, request.OutDir);
        return record;
    }

    private static int DatasetOrder(string dataset)
    {
        int i = FewShotPlan.Datasets.ToList().IndexOf(dataset);
        return i < 0 ? int.MaxValue : i;
    }

    /// <summary>The recorded file, or null when there is none.</summary>
    public FewShotRecord? Load()
    {
        if (!File.Exists(JsonPath)) return null;
        try
        {
            return JsonSerializer.Deserialize<FewShotRecord>(File.ReadAllText(JsonPath), JsonOptions)
                ?? throw new JsonException("empty file");
        }
        catch (JsonException e)
        {
            throw new DecoRegException($"{JsonPath} is not a few-shot results file DecoReg can read ({e.Message}); move it away or use another --out folder");
        }
    }
}
