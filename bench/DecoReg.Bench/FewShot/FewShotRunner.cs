using System.Diagnostics;
using DecoReg.Data;
using DecoReg.Evaluation;
using DecoReg.Training;

namespace DecoReg.Bench.FewShot;

/// <summary>
/// Runs the few-shot suite (<see cref="FewShotPlan"/>): per data set, pretrains on the tasks not held out (or reloads
/// the cached model), then trains every planned run not yet recorded and scores it on its task's test rows — Spearman ρ
/// of the predictive median, NLL in target units, R² of log10(1 + y), 90 % coverage, RMSE, training seconds — recording
/// each one in the <see cref="FewShotStore"/> as soon as it finishes.
/// </summary>
public static class FewShotRunner
{
    public static IReadOnlyList<FewShotRun> Run(FewShotRequest request, Action<string>? log = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Seeds < 1) throw new DecoRegException($"--seeds must be at least 1 (got {request.Seeds})");
        if (request.Sizes.Count == 0 || request.Sizes.Any(n => n < Tasks.MinRows))
            throw new DecoRegException($"--sizes must list sample sizes of at least {Tasks.MinRows} rows (got {string.Join(",", request.Sizes)})");
        var names = request.Datasets ?? (request.Quick ? [FewShotPlan.Debian] : FewShotPlan.Datasets);
        var sources = names.Select(n => FewShotPlan.Source(n, request.Quick)).ToArray();
        foreach (var task in request.Tasks ?? [])
            if (!sources.Any(s => s.HeldOut.Contains(task)))
                throw new DecoRegException($"--tasks: '{task}' is not a held-out task of {string.Join(", ", names)}; expected some of: {string.Join(", ", sources.SelectMany(s => s.HeldOut))}");
        var store = FewShotStore.Open(request);
        Model.TorchRuntime.Initialize(request.Threads);
        var results = new List<FewShotRun>();
        foreach (var source in sources)
        {
            var (train, test) = source.Load(request.DataRoot);
            var tasks = source.HeldOut.Where(t => request.Tasks is null || request.Tasks.Contains(t)).Select(t => (Task: t, Train: source.RowsOf(train, t), Test: source.RowsOf(test, t))).ToArray();
            foreach (var (task, rows, testRows) in tasks)
                if (rows.RowCount < Tasks.MinRows || testRows.RowCount == 0)
                    throw new DecoRegException($"{source.Name}: held-out {source.TaskColumn} '{task}' has {rows.RowCount} training and {testRows.RowCount} test rows; it needs at least {Tasks.MinRows} and 1");
            var steps = FewShotPlan.Steps(tasks.Select(t => (t.Task, t.Train.RowCount)).ToArray(), request.Seeds, request.Sizes);
            var done = store.Succeeded();
            var pending = steps.Where(s => !done.Contains((source.Name, s.Task, s.Variant, s.Size, s.Seed))).ToArray();
            log?.Invoke($"{source.Name}: {steps.Count} runs planned, {steps.Count - pending.Length} already in {store.JsonPath}");
            if (pending.Length == 0 || tasks.Length == 0) continue;
            using var pretrained = Pretrained(source, train, store, request, log, cancellation);
            foreach (var step in pending)
            {
                cancellation.ThrowIfCancellationRequested();
                if (store.Succeeded().Contains((source.Name, step.Task, step.Variant, step.Size, step.Seed))) continue; // done by a concurrent command
                var (_, rows, testRows) = tasks.First(t => t.Task == step.Task);
                var run = RunOne(source, pretrained, step, FewShotPlan.Sample(rows, step.Size, step.Seed), testRows, request);
                results.Add(run);
                log?.Invoke(run.Error is null
                    ? FormattableString.Invariant($"{source.Name} {step.Task} {step.Variant} n={step.Size} seed {step.Seed}: ρ {run.Spearman:F3}, NLL {run.Nll:G4}, R² log {run.R2Log:F3}, cov90 {run.Coverage90:F2}, {run.TrainSeconds:F1}s ({run.Epochs} epochs)")
                    : $"{source.Name} {step.Task} {step.Variant} n={step.Size} seed {step.Seed}: FAILED: {run.Error}");
                store.Add([run]);
            }
        }
        store.Add([]); // rebuilds the reports even when every run was already recorded
        return results;
    }

    /// <summary>The cached pretrained model of a data set, or a new one pretrained, saved and recorded.</summary>
    private static DecodingRegressor Pretrained(FewShotSource source, Dataset train, FewShotStore store, FewShotRequest request,
        Action<string>? log, CancellationToken cancellation)
    {
        string path = store.ModelPath(source.Name);
        if (File.Exists(path))
        {
            log?.Invoke($"{source.Name}: pretrained model reloaded from {path}");
            return DecodingRegressor.Load(path);
        }
        var (rows, droppedTasks, droppedRows) = FewShotPlan.PretrainingRows(source, train, request.Quick);
        var taskCount = Tasks.Count(rows, source.TaskColumn).Count;
        log?.Invoke($"{source.Name}: pretraining on {rows.RowCount} rows of {taskCount} {source.TaskColumn} values ({droppedRows} rows of {droppedTasks.Count} small ones dropped)");
        IReadOnlyDictionary<string, double>? taskLosses = null;
        var progress = new EpochLog(p =>
        {
            taskLosses = p.TaskLosses ?? taskLosses;
            log?.Invoke(FormattableString.Invariant($"  pretraining epoch {p.Epoch}: validation loss {p.ValidationLoss:F4}"));
        });
        var clock = Stopwatch.StartNew();
        var model = DecodingRegressor.Train(rows, source.Options(source.Pretraining, pretraining: true, request.Threads), null, progress, cancellation);
        double seconds = clock.Elapsed.TotalSeconds;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        model.Save(path);
        store.Add([], new FewShotPretraining(source.Name, rows.RowCount, taskCount, droppedRows, droppedTasks, seconds,
            model.TrainingReport?.History.Count ?? 0, taskLosses));
        return model;
    }

    /// <summary>Trains one planned run and scores it; a failure is recorded, not thrown.</summary>
    private static FewShotRun RunOne(FewShotSource source, DecodingRegressor pretrained, FewShotStep step, Dataset sample, Dataset test, FewShotRequest request)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            using var model = step.Variant switch
            {
                FewShotRun.Scratch or FewShotRun.ScratchAll =>
                    DecodingRegressor.Train(sample, source.Options(FewShotPlan.Scratch(step.Seed, request.Quick), pretraining: false, request.Threads)),
                FewShotRun.PretrainedDecoder => pretrained.FineTune(sample, FewShotPlan.FineTune(step.Seed, request.Quick, FineTuneScope.Decoder)),
                _ => pretrained.FineTune(sample, FewShotPlan.FineTune(step.Seed, request.Quick)),
            };
            double seconds = clock.Elapsed.TotalSeconds;
            var predictions = model.PredictBatch(test.Features);
            var metrics = RegressionMetrics.Compute(predictions, test.Targets, model.LogLikelihood(test), [0.9]);
            var logScale = LogScaleMetrics.Compute(predictions, test.Targets);
            return new FewShotRun(source.Name, step.Task, step.Variant, step.Size, step.Seed, test.RowCount,
                logScale.Spearman, metrics.Nll, logScale.R2Log, metrics.Coverage[0.9], metrics.Rmse, seconds,
                model.TrainingReport?.History.Count ?? 0);
        }
        catch (Exception e) when (e is DecoRegException or ArgumentException or InvalidOperationException or System.Runtime.InteropServices.ExternalException)
        {
            return new FewShotRun(source.Name, step.Task, step.Variant, step.Size, step.Seed, test.RowCount,
                double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, clock.Elapsed.TotalSeconds, 0, e.Message);
        }
    }

    /// <summary>Reports each epoch on the training thread (<see cref="Progress{T}"/> would post to the thread pool).</summary>
    private sealed class EpochLog(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
