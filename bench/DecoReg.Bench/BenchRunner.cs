using System.Diagnostics;
using DecoReg.Evaluation;

namespace DecoReg.Bench;

/// <summary>What to run: a suite, its data sets, how many splits, which methods, the budget and where reports go.</summary>
public sealed record BenchRequest
{
    public required string Suite { get; init; }
    public required string DataRoot { get; init; }
    /// <summary>Data sets to run; null = the suite's defaults (all, or the quick ones).</summary>
    public IReadOnlyList<string>? Datasets { get; init; }
    public int Splits { get; init; } = 5;
    public IReadOnlyList<string> Methods { get; init; } = BenchMethods.Default;
    public required string OutDir { get; init; }
    public bool Quick { get; init; }
    public BenchBudget Budget { get; init; } = BenchBudget.Default;
    /// <summary>The command line, written into the report.</summary>
    public string Command { get; init; } = "";
    /// <summary>CPU threads for libtorch and LightGBM (0 = all cores); one thread lets two runs share a 2-core machine.</summary>
    public int Threads { get; init; }
}

/// <summary>
/// Runs a suite: for every data set, split and method, trains on the split's training rows (each method holds out the
/// same seeded 10 % for early stopping), predicts the test rows, and scores RMSE (of the predictive mean), NLL (mean
/// −log density of the test target, target units), CRPS and the coverage of the central 90 % interval, with the
/// training and prediction wall-clock seconds; also the rank and log-scale scores of the median
/// (<see cref="LogScaleMetrics"/>), decoding rows/s and, for DecoReg, the training throughput against the fp32 matmul
/// rate measured once per command (<see cref="Model.MatmulPeak"/>, on the same thread count). Records every finished run in the output folder's <see cref="BenchStore"/> (and rewrites the reports), so an
/// interrupted run keeps its results and a repeated command resumes where it stopped.
/// </summary>
public static class BenchRunner
{
    public static IReadOnlyList<RunResult> Run(BenchRequest request, Action<string>? log = null, CancellationToken cancellation = default)
    {
        BenchMethods.Check(request.Methods, request.Suite);
        if (request.Splits < 1) throw new DecoRegException($"--splits must be at least 1 (got {request.Splits})");
        var names = request.Datasets ?? (request.Quick ? BenchSuites.QuickDatasets(request.Suite) : null);
        var datasets = BenchSuites.Resolve(request.Suite, request.DataRoot, names);
        var store = BenchStore.Open(request);
        Model.TorchRuntime.Initialize(request.Threads);
        double? peak = null;
        var results = new List<RunResult>();
        var started = DateTimeOffset.UtcNow;
        foreach (var set in datasets)
        {
            int splits = Math.Min(request.Splits, set.AvailableSplits);
            for (int split = 0; split < splits; split++)
            {
                var succeeded = store.Succeeded(); // read once per split: other commands may add runs meanwhile
                var pending = request.Methods.Where(m => !succeeded.Contains((set.Name, split, m))).ToArray();
                foreach (var done in request.Methods.Except(pending))
                    log?.Invoke($"{set.Name} split {split} {done}: already in {store.JsonPath}, skipped");
                if (pending.Length == 0) continue;
                var (train, test) = set.LoadSplit(split);
                foreach (var method in pending)
                {
                    cancellation.ThrowIfCancellationRequested();
                    peak ??= Model.MatmulPeak.MeasureGflops();
                    var result = RunOne(set.Name, split, method, train, test, request.Budget, request.Threads) with { MatmulPeakGflops = peak };
                    results.Add(result);
                    log?.Invoke(result.Error is null
                        ? FormattableString.Invariant($"{set.Name} split {split} {method}: RMSE {result.Rmse:G4}, NLL {result.Nll:G4}, CRPS {result.Crps:G4}, cov90 {result.Coverage90:F2}, train {result.TrainSeconds:F1}s ({result.Epochs} epochs), predict {result.PredictSeconds:F1}s")
                        : $"{set.Name} split {split} {method}: FAILED: {result.Error}");
                    store.Add([result], started);
                }
            }
        }
        store.Add([], started);
        return results;
    }

    /// <summary>
    /// Trains and scores one method on one split; a failure is recorded, not thrown. A native libtorch error is retried
    /// once (same seeds, so the same result as an undisturbed run): TorchSharp 0.107's optimizers pass temporary
    /// <c>Scalar</c>s to native calls, and rarely one is finalized during the call ("Expected false to be true ...
    /// toDouble" in AdamW.step, seen once in about 100 trainings).
    /// </summary>
    public static RunResult RunOne(string dataset, int split, string method, Data.Dataset train, Data.Dataset test, BenchBudget budget, int threads = 0)
    {
        try
        {
            return RunOnce(dataset, split, method, train, test, budget, threads);
        }
        catch (System.Runtime.InteropServices.ExternalException first)
        {
            try
            {
                return RunOnce(dataset, split, method, train, test, budget, threads);
            }
            catch (System.Runtime.InteropServices.ExternalException second)
            {
                return new RunResult(dataset, split, method, train.RowCount, test.RowCount, double.NaN, double.NaN, double.NaN, double.NaN,
                    0, 0, 0, "", $"libtorch failed twice: {FirstLine(first.Message)} / {FirstLine(second.Message)}");
            }
        }
    }

    private static string FirstLine(string s) => s.Split('\n', 2)[0].Trim();

    private static RunResult RunOnce(string dataset, int split, string method, Data.Dataset train, Data.Dataset test, BenchBudget budget, int threads)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            using var model = BenchMethods.Train(method, train, budget, threads);
            double trainSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var predictions = model.Predict(test.Features);
            double decodeSeconds = clock.Elapsed.TotalSeconds;
            var logLikelihoods = model.LogLikelihood(test);
            double predictSeconds = clock.Elapsed.TotalSeconds;
            var metrics = RegressionMetrics.Compute(predictions, test.Targets, logLikelihoods, [0.9]);
            var logScale = LogScaleMetrics.Compute(predictions, test.Targets);
            var throughput = TrainingThroughput.Of(model);
            var report = model.TrainingReport;
            return new RunResult(dataset, split, method, train.RowCount, test.RowCount, metrics.Rmse, metrics.Nll, metrics.Crps,
                metrics.Coverage[0.9], trainSeconds, predictSeconds, report?.History.Count ?? 0, report?.StopReason ?? "", null,
                model.Choice)
            {
                Spearman = logScale.Spearman,
                Kendall = logScale.Kendall,
                R2Log = logScale.R2Log,
                RmseLog = logScale.RmseLog,
                PredictRowsPerSecond = decodeSeconds > 0 ? test.RowCount / decodeSeconds : null,
                TrainExamplesPerSecond = throughput?.ExamplesPerSecond,
                InputTokens = throughput?.InputTokens,
                TrainFlopsPerExample = throughput?.FlopsPerExample,
            };
        }
        catch (Exception e) when (e is DecoRegException or ArgumentException or InvalidOperationException)
        {
            return new RunResult(dataset, split, method, train.RowCount, test.RowCount, double.NaN, double.NaN, double.NaN, double.NaN,
                clock.Elapsed.TotalSeconds, 0, 0, "", e.Message);
        }
    }
}
