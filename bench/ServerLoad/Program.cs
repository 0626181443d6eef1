// Load test of `decoreg serve` (issue 13): rows/s and p50/p99 latency at concurrency 1, 16 and 64 for 1-row and
// 64-row requests, with micro-batching and one request at a time, beside the library called in-process (the
// ceiling); then a run of mixed requests (valid, malformed, oversized, wrong schema, unknown model) counting 5xx,
// connection errors and wrong answers. The server runs in this process on 127.0.0.1 (client and server share the
// cores, as on one box).
// Usage: dotnet bench/ServerLoad/bin/Release/net10.0/ServerLoad.dll --model FILE --data uci:DIR [--split N]
//        [--seconds S] [--mixed N] [--max-batch-rows N] [--max-wait-ms M]
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DecoReg;
using DecoReg.Bench.ServerLoad;
using DecoReg.Data;
using DecoReg.Server;
using Microsoft.Extensions.Logging;

string modelPath = Arg("--model") ?? throw new ArgumentException("--model FILE is required");
string data = Arg("--data") ?? throw new ArgumentException("--data uci:DIR is required");
int split = int.Parse(Arg("--split") ?? "0", CultureInfo.InvariantCulture);
double seconds = double.Parse(Arg("--seconds") ?? "8", CultureInfo.InvariantCulture);
int mixed = int.Parse(Arg("--mixed") ?? "10000", CultureInfo.InvariantCulture);
int maxBatchRows = int.Parse(Arg("--max-batch-rows") ?? "256", CultureInfo.InvariantCulture);
int maxWaitMs = int.Parse(Arg("--max-wait-ms") ?? "20", CultureInfo.InvariantCulture);
var warmUp = TimeSpan.FromSeconds(Math.Max(1, seconds / 4));
var measure = TimeSpan.FromSeconds(seconds);

var (_, test) = UciDataset.LoadSplit(data.StartsWith("uci:", StringComparison.Ordinal) ? data[4..] : data, split);
var features = test.Features;
var rowJson = Enumerable.Range(0, features.RowCount).Select(r => JsonSerializer.Serialize(
    features.Columns.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => double.Parse(features.Cell(r, p.i)!, CultureInfo.InvariantCulture)))).ToList();
Console.WriteLine($"model {modelPath}; rows from {test.Name} ({features.RowCount} test rows, repeated); cores {Environment.ProcessorCount}; " +
    $"{measure.TotalSeconds:F0} s per cell after {warmUp.TotalSeconds:F0} s warm-up");

// The ceiling: the library in-process, 256-row batches on one thread.
double ceiling;
double[] expectedMeans;
using (var model = DecodingRegressor.Load(modelPath))
{
    expectedMeans = Enumerable.Range(0, features.RowCount).Select(r => model.PredictBatch(features.Select([r]))[0].Mean).ToArray();
    var batch = features.Select(Enumerable.Range(0, 256).Select(i => i % features.RowCount).ToArray());
    model.PredictBatch(batch);
    var clock = Stopwatch.StartNew();
    int rows = 0;
    while (clock.Elapsed < measure) rows += model.PredictBatch(batch).Count;
    ceiling = rows / clock.Elapsed.TotalSeconds;
}
Console.WriteLine($"in-process PredictBatch ceiling (256-row batches): {ceiling:N0} rows/s");
Console.WriteLine();
Console.WriteLine("| server | rows/request | concurrency | requests | rows/s | p50 ms | p99 ms | % of ceiling |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");

foreach (var (label, batchRows, waitMs) in new[] { ($"micro-batching ({maxBatchRows} rows, {maxWaitMs} ms)", maxBatchRows, maxWaitMs), ("one request at a time", 1, 0) })
{
    await using var server = await Start(batchRows, waitMs, 8L * 1024 * 1024);
    using var client = Client(server);
    foreach (int rowsPerRequest in new[] { 1, 64 })
        foreach (int concurrency in new[] { 1, 16, 64 })
        {
            var body = ClosedLoop.Body(rowJson, rowsPerRequest, 0);
            var r = await ClosedLoop.Run(client, "/v1/models/m/predict", body, rowsPerRequest, concurrency, warmUp, measure);
            Console.WriteLine($"| {label} | {rowsPerRequest} | {concurrency} | {r.Requests:N0} | {r.RowsPerSecond:N0} | {r.P50Ms:F1} | {r.P99Ms:F1} | " +
                $"{100 * r.RowsPerSecond / ceiling:F0} % |" + (r.Failures > 0 ? $" {r.Failures} failed" : ""));
        }
}

const long mixedBodyLimit = 64 * 1024;
await using (var server = await Start(maxBatchRows, maxWaitMs, mixedBodyLimit))
{
    using var client = Client(server);
    var clock = Stopwatch.StartNew();
    var m = await MixedRun.Run(client, "m", rowJson, expectedMeans, mixedBodyLimit, mixed, 64);
    Console.WriteLine();
    Console.WriteLine($"mixed run: {m.Requests:N0} requests at concurrency 64 in {clock.Elapsed.TotalSeconds:F1} s (--max-body-bytes {mixedBodyLimit})");
    Console.WriteLine($"  kinds:    {string.Join(", ", m.ByKind.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}"))}");
    Console.WriteLine($"  statuses: {string.Join(", ", m.ByStatus.OrderBy(k => k.Key).Select(k => $"{k.Key}: {k.Value}"))}");
    Console.WriteLine($"  5xx: {m.ServerErrors}, connection errors: {m.ConnectionErrors}, wrong answers (status or mean): {m.WrongAnswers}");
}

async Task<PredictionServer> Start(int batchRows, int waitMs, long maxBody)
{
    var server = PredictionServer.Create(new ServerOptions
    {
        Models = new Dictionary<string, string> { ["m"] = modelPath },
        Urls = "http://127.0.0.1:0",
        MaxBatchRows = batchRows,
        MaxWaitMs = waitMs,
        MaxBodyBytes = maxBody,
    }, logging => logging.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole());
    await server.StartAsync();
    return server;
}

static HttpClient Client(PredictionServer server) => new() { BaseAddress = new Uri(server.Addresses.Single()), Timeout = TimeSpan.FromMinutes(5) };

string? Arg(string name)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
