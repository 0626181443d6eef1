// Decoding throughput of the default tabular model: rows per second for a full predictive distribution (mean,
// median, 5 % and 95 % quantiles) with each decoding method, on the same trained weights.
// Usage: dotnet run -c Release --project bench/DecodingSpeed -- [--data DIR] [--split N] [--rows N] [--model FILE]
// A plain stopwatch harness rather than BenchmarkDotNet: one measurement is a whole batch of rows through the
// native library (seconds, not nanoseconds), repeated 3 times after a warm-up; the median is reported.
using System.Diagnostics;
using System.Globalization;
using DecoReg;
using DecoReg.Data;
using DecoReg.Inference;

string data = Arg("--data") ?? FindUci("concrete");
int split = int.Parse(Arg("--split") ?? "0", CultureInfo.InvariantCulture);
int rows = int.Parse(Arg("--rows") ?? "2000", CultureInfo.InvariantCulture);
string? modelPath = Arg("--model");

var (train, test) = UciDataset.LoadSplit(data, split);
var clock = Stopwatch.StartNew();
using var model = modelPath is not null && File.Exists(modelPath) ? DecodingRegressor.Load(modelPath) : DecodingRegressor.Train(train);
Console.WriteLine($"model: {(modelPath is not null && File.Exists(modelPath) ? "loaded " + modelPath : $"trained on {train.Name} in {clock.Elapsed.TotalSeconds:F1} s")}");
if (modelPath is not null && !File.Exists(modelPath)) model.Save(modelPath);

// Repeat the test rows to the requested count.
var index = Enumerable.Range(0, rows).Select(i => i % test.RowCount).ToArray();
var features = test.Features.Select(index);

var methods = new (string Name, PredictionOptions Options)[]
{
    ("naive sampling, 128 samples, full recompute (reference algorithm)", new() { Method = DecodingMethod.SamplingNoCache, Sampling = new() { Samples = 128 } }),
    ("sampling, 128 samples, KV cache", new() { Method = DecodingMethod.Sampling, Sampling = new() { Samples = 128 } }),
    ("prefix-sharing sampling, 128 samples", new() { Method = DecodingMethod.PrefixSharing, Sampling = new() { Samples = 128 } }),
    ("exact enumeration, mass 0.999", new() { Method = DecodingMethod.Exact, Mass = 0.999 }),
};
Console.WriteLine($"rows: {rows} ({test.Name} repeated), threads: libtorch default, cores: {Environment.ProcessorCount}");
Console.WriteLine();
Console.WriteLine("| method | rows/s | speed-up vs naive | mean atoms | test RMSE (mean) |");
Console.WriteLine("|---|---:|---:|---:|---:|");
double naive = 0;
foreach (var (name, options) in methods)
{
    // The naive method is far slower (figures in bench/README.md): measure it on fewer rows.
    int n = options.Method == DecodingMethod.SamplingNoCache ? Math.Min(rows, 200) : rows;
    var subset = n == rows ? features : features.Select(Enumerable.Range(0, n).ToArray());
    Measure(subset, options); // warm-up
    var times = new List<double>();
    IReadOnlyList<Distribution>? last = null;
    for (int r = 0; r < 3; r++)
    {
        var t = Stopwatch.StartNew();
        last = Measure(subset, options);
        times.Add(t.Elapsed.TotalSeconds);
    }
    times.Sort();
    double rate = n / times[1];
    if (naive == 0) naive = rate;
    double rmse = Math.Sqrt(Enumerable.Range(0, n).Select(i => Math.Pow(last![i].Mean - test.Targets[index[i]], 2)).Average());
    Console.WriteLine($"| {name} | {rate:F0} | {rate / naive:F1}× | {last!.Average(d => d.Count):F0} | {rmse:F2} |");
}

IReadOnlyList<Distribution> Measure(Table rowsToDecode, PredictionOptions options)
{
    var result = model.PredictBatch(rowsToDecode, options);
    double sink = 0;
    foreach (var d in result) sink += d.Mean + d.Median + d.Quantile(0.05) + d.Quantile(0.95);
    if (double.IsNaN(sink)) throw new InvalidOperationException("NaN statistic");
    return result;
}

string? Arg(string name)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

static string FindUci(string set)
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, "shared", "datasets", "uci", set);
        if (Directory.Exists(candidate)) return candidate;
    }
    throw new DirectoryNotFoundException($"shared/datasets/uci/{set} not found above {AppContext.BaseDirectory}; pass --data DIR");
}
