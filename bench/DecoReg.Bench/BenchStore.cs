using System.Globalization;
using System.Text.Json.Nodes;

namespace DecoReg.Bench;

/// <summary>Everything recorded for a suite in one output folder: the runs of every command that wrote there.</summary>
public sealed record BenchRecord(
    string Suite, bool Quick, BenchBudget Budget, IReadOnlyList<string> Commands, DateTimeOffset Started,
    IReadOnlyList<RunResult> Runs);

/// <summary>
/// The results of a suite kept in an output folder (<c>&lt;suite&gt;.json</c> plus the reports made from it). Runs
/// accumulate across commands with the same budget, so a full run can be done per data set, in the background and
/// even concurrently (every write re-reads the file under a lock file and merges); a repeated command skips the runs
/// already recorded without error (resume after an interruption). Files are replaced atomically.
/// </summary>
public sealed class BenchStore
{
    private readonly BenchRequest request;
    private readonly string stem;

    private BenchStore(BenchRequest request)
    {
        this.request = request;
        stem = Path.Combine(request.OutDir, request.Suite);
    }

    public string JsonPath => stem + ".json";

    /// <summary>Opens (or starts) the store; a file recorded with another budget or quick setting is a user error.</summary>
    public static BenchStore Open(BenchRequest request)
    {
        var store = new BenchStore(request);
        var existing = store.Load();
        if (existing is not null && existing.Runs.Count > 0 && (existing.Budget != request.Budget || existing.Quick != request.Quick))
            throw new DecoRegException(
                $"{store.JsonPath} holds runs made with another budget ({BenchReport.Budget(existing.Budget)}{(existing.Quick ? ", quick" : "")}); " +
                $"this command's is {BenchReport.Budget(request.Budget)}{(request.Quick ? ", quick" : "")}. Use another --out folder, or move that file away");
        return store;
    }

    /// <summary>The (data set, split, method) runs the file already holds without error (failed runs are to be retried).</summary>
    public IReadOnlySet<(string Dataset, int Split, string Method)> Succeeded() =>
        (Load()?.Runs ?? []).Where(r => r.Error is null).Select(r => (r.Dataset, r.Split, r.Method)).ToHashSet();

    /// <summary>
    /// Records runs (replacing earlier runs of the same data set, split and method) and rewrites the reports; the
    /// command is listed in the reports once it has contributed a run.
    /// </summary>
    public BenchRecord Add(IReadOnlyCollection<RunResult> runs, DateTimeOffset started)
    {
        Directory.CreateDirectory(request.OutDir);
        using var gate = Lock();
        var existing = Load();
        var merged = (existing?.Runs ?? [])
            .Where(r => !runs.Any(n => n.Dataset == r.Dataset && n.Split == r.Split && n.Method == r.Method))
            .Concat(runs)
            .OrderBy(r => DatasetOrder(r.Dataset)).ThenBy(r => r.Split).ThenBy(r => MethodOrder(r.Method))
            .ToArray();
        var commands = (existing?.Commands ?? []).ToList();
        if (runs.Count > 0 && !commands.Contains(request.Command)) commands.Add(request.Command); // a no-op command only rebuilds the reports
        var firstStart = existing is null || started < existing.Started ? started : existing.Started;
        var record = new BenchRecord(request.Suite, request.Quick, request.Budget, commands, firstStart, merged);
        BenchReport.Write(record, request.OutDir);
        return record;
    }

    private int DatasetOrder(string dataset)
    {
        int i = BenchSuites.Available(request.Suite).ToList().IndexOf(dataset);
        return i < 0 ? int.MaxValue : i;
    }

    private static int MethodOrder(string method)
    {
        int i = BenchMethods.Names.ToList().IndexOf(method);
        return i < 0 ? int.MaxValue : i;
    }

    /// <summary>The recorded file, or null when there is none.</summary>
    public BenchRecord? Load()
    {
        if (!File.Exists(JsonPath)) return null;
        try
        {
            var root = JsonNode.Parse(File.ReadAllText(JsonPath))!.AsObject();
            var b = root["budget"]!.AsObject();
            var budget = new BenchBudget
            {
                Epochs = (int)b["epochs"]!,
                TimeLimit = b["time_limit_seconds"] is { } limit ? TimeSpan.FromSeconds((double)limit) : null,
                Patience = (int)b["patience"]!,
                BoostingRounds = (int)b["boosting_rounds"]!,
                Seed = (int)b["seed"]!,
            };
            var commands = root["commands"] is JsonArray list
                ? list.Select(c => (string)c!).ToArray()
                : [(string?)root["command"] ?? ""];
            var started = DateTimeOffset.Parse((string)root["started_utc"]!, CultureInfo.InvariantCulture);
            var runs = root["runs"]!.AsArray().Select(n => ReadRun(n!.AsObject())).ToArray();
            return new BenchRecord((string)root["suite"]!, (bool?)root["quick"] ?? false, budget, commands, started, runs);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or NullReferenceException or FormatException or KeyNotFoundException)
        {
            throw new DecoRegException($"{JsonPath} is not a benchmark results file DecoReg can read ({e.Message}); move it away or use another --out folder");
        }
    }

    private static RunResult ReadRun(JsonObject o)
    {
        static double Number(JsonNode? n) => n is null ? double.NaN : (double)n;
        return new RunResult((string)o["dataset"]!, (int)o["split"]!, (string)o["method"]!, (int)o["train_rows"]!, (int)o["test_rows"]!,
            Number(o["rmse"]), Number(o["nll"]), Number(o["crps"]), Number(o["coverage90"]),
            Number(o["train_seconds"]), Number(o["predict_seconds"]), (int)o["epochs"]!, (string?)o["stop_reason"] ?? "",
            (string?)o["error"], (string?)o["choice"])
        {
            // Added with the text suite: absent (null) in older files.
            Spearman = (double?)o["spearman"],
            Kendall = (double?)o["kendall_tau"],
            R2Log = (double?)o["r2_log"],
            RmseLog = (double?)o["rmse_log"],
            PredictRowsPerSecond = (double?)o["predict_rows_per_second"],
            TrainExamplesPerSecond = (double?)o["train_examples_per_second"],
            InputTokens = (double?)o["input_tokens"],
            TrainFlopsPerExample = (double?)o["train_flops_per_example"],
            MatmulPeakGflops = (double?)o["matmul_peak_gflops"],
        };
    }

    private FileStream Lock() => StoreLock.Acquire(request.OutDir, request.Suite);
}
