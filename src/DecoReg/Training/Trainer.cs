using System.Diagnostics;
using DecoReg.Model;
using static TorchSharp.torch;

namespace DecoReg.Training;

/// <summary>
/// Fits an <see cref="ITrainable"/> (the decoding regressor's masked cross-entropy, or a baseline head's loss) with
/// AdamW, warm-up + cosine learning rate, gradient clipping and early stopping on the validation loss with the best
/// weights restored. Honours cancellation and a time limit the same way: it stops and keeps the best weights so far.
/// </summary>
public static class Trainer
{
    public static TrainingReport Train(
        ITrainable trainable,
        TrainingSet train,
        TrainingSet validation,
        TrainingOptions options,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        options.Validate();
        options = options.Resolve(train.Count);
        var model = trainable.Module;
        var clock = Stopwatch.StartNew();
        var rng = new Random(options.Seed);
        torch.manual_seed(options.Seed);
        int n = train.Count;
        int stepsPerEpoch = (n + options.BatchSize - 1) / options.BatchSize;
        long totalSteps = (long)stepsPerEpoch * options.Epochs;
        long warmupSteps = Math.Max(1, (long)(options.WarmupFraction * totalSteps));
        // Frozen parameters (requires_grad false, e.g. an encoder kept as pretrained) are left out of the optimizer.
        var parameters = model.parameters().Where(p => p.requires_grad).ToArray();
        using var optimizer = torch.optim.AdamW(parameters, options.LearningRate, 0.9, 0.999, 1e-8, options.WeightDecay);

        var history = new List<TrainingProgress>();
        Dictionary<string, Tensor>? best = null;
        double bestLoss = double.PositiveInfinity;
        int bestEpoch = 0, sinceBest = 0;
        long step = 0;
        string stopReason = $"reached the maximum of {options.Epochs} epochs";
        var order = Enumerable.Range(0, n).Select(i => (long)i).ToArray();

        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            model.train();
            var batches = EpochBatches(train, order, options, rng);
            double lossSum = 0;
            long seen = 0;
            var epochClock = Stopwatch.StartNew();
            bool cancelled = false;
            foreach (var rows in batches)
            {
                if (cancellation.IsCancellationRequested) { cancelled = true; break; }
                using var scope = torch.NewDisposeScope();
                int count = rows.Length;
                var index = torch.tensor(rows);
                var loss = trainable.Loss(train.Select(index));
                optimizer.zero_grad();
                loss.backward();
                nn.utils.clip_grad_norm_(parameters, options.GradientClipNorm);
                foreach (var group in optimizer.ParamGroups) group.LearningRate = LearningRate(options, step, warmupSteps, totalSteps);
                optimizer.step();
                step++;
                lossSum += loss.item<float>() * count;
                seen += count;
            }
            if (cancelled && epoch == 1 && best is null)
            {
                stopReason = "cancelled before the first epoch finished";
                break;
            }

            var taskLosses = EvaluateTasks(trainable, validation);
            double validLoss = taskLosses?.Overall ?? Evaluate(trainable, validation);
            bool isBest = validLoss < bestLoss;
            if (isBest)
            {
                bestLoss = validLoss;
                bestEpoch = epoch;
                sinceBest = 0;
                DisposeAll(best);
                best = Snapshot(model);
            }
            else sinceBest++;

            double seconds = epochClock.Elapsed.TotalSeconds;
            var elapsed = clock.Elapsed;
            var remaining = TimeSpan.FromSeconds(elapsed.TotalSeconds / epoch * (options.Epochs - epoch));
            if (options.TimeLimit is { } limit && remaining > limit - elapsed) remaining = limit - elapsed;
            var report = new TrainingProgress(epoch, options.Epochs, lossSum / Math.Max(1, seen), validLoss, isBest, seen / Math.Max(seconds, 1e-9), elapsed, remaining < TimeSpan.Zero ? TimeSpan.Zero : remaining)
            {
                TaskLosses = taskLosses?.ByTask,
            };
            history.Add(report);
            progress?.Report(report);

            if (cancelled || cancellation.IsCancellationRequested) { stopReason = $"cancelled after epoch {epoch}"; break; }
            if (sinceBest >= options.Patience) { stopReason = $"no better validation loss for {options.Patience} epochs"; break; }
            if (options.TimeLimit is { } t && clock.Elapsed >= t) { stopReason = $"time limit {t} reached"; break; }
        }

        if (best is not null)
        {
            Restore(model, best);
            DisposeAll(best);
        }
        model.eval();
        return new TrainingReport(history, bestEpoch, bestLoss, stopReason, clock.Elapsed);
    }

    /// <summary>Mean loss over a whole set, in evaluation mode without gradients.</summary>
    public static double Evaluate(ITrainable trainable, TrainingSet set, int? batchSize = null)
    {
        trainable.Module.eval();
        using var noGrad = torch.no_grad();
        double sum = 0;
        Batches.ForEach(set.Count, batchSize ?? Batches.EvaluationRows(set.Inputs), (_, index) => sum += LossSum(trainable, set, index));
        return sum / set.Count;
    }

    /// <summary>
    /// Each task's mean validation loss and the overall (row-weighted) mean, for a multi-task set; null for a single task.
    /// The same passes as <see cref="Evaluate"/>, grouped by task.
    /// </summary>
    public static (double Overall, IReadOnlyDictionary<string, double> ByTask)? EvaluateTasks(ITrainable trainable, TrainingSet set)
    {
        if (set.Tasks is not { } tasks) return null;
        trainable.Module.eval();
        using var noGrad = torch.no_grad();
        var byTask = new Dictionary<string, double>(StringComparer.Ordinal);
        double total = 0;
        var rows = tasks.Rows();
        for (int t = 0; t < rows.Length; t++)
        {
            if (rows[t].Length == 0) continue;
            double sum = 0;
            Batches.ForEach(rows[t], Batches.EvaluationRows(set.Inputs), (_, index) => sum += LossSum(trainable, set, index));
            byTask[tasks.Names[t]] = sum / rows[t].Length;
            total += sum;
        }
        return (total / set.Count, byTask);
    }

    /// <summary>The loss summed over the rows at <paramref name="index"/> (the mean loss times the row count).</summary>
    private static double LossSum(ITrainable trainable, TrainingSet set, Tensor index) =>
        trainable.Loss(set.Select(index)).item<float>() * index.shape[0];

    internal static double LearningRate(TrainingOptions o, long step, long warmup, long total)
    {
        if (step < warmup) return o.LearningRate * (step + 1) / warmup;
        double progress = Math.Min(1.0, (double)(step - warmup) / Math.Max(1, total - warmup));
        double floor = o.FinalLearningRateFraction;
        return o.LearningRate * (floor + (1 - floor) * 0.5 * (1 + Math.Cos(Math.PI * progress)));
    }

    /// <summary>
    /// One epoch's mini-batches: consecutive slices of a fresh shuffle for tables; for padded inputs (text), batches of
    /// similar length (<see cref="LengthBatches"/>), so each is padded only to its own longest row. A multi-task set
    /// first draws the epoch's rows by <see cref="TaskMixing"/>.
    /// </summary>
    private static IEnumerable<long[]> EpochBatches(TrainingSet train, long[] order, TrainingOptions options, Random rng)
    {
        int batchSize = options.BatchSize;
        if (train.Tasks is { } tasks) order = TaskMixing.EpochRows(tasks, options.TaskSamplingPower, rng);
        if (train.Inputs.Lengths is { } lengths) return train.Tasks is null ? LengthBatches.Plan(lengths, batchSize, rng) : LengthBatches.Plan(lengths, order, batchSize, rng);
        TaskMixing.Shuffle(order, rng);
        return Enumerable.Range(0, (order.Length + batchSize - 1) / batchSize)
            .Select(b => order.AsSpan(b * batchSize, Math.Min(batchSize, order.Length - b * batchSize)).ToArray());
    }

    private static Dictionary<string, Tensor> Snapshot(nn.Module model) =>
        model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());

    private static void Restore(nn.Module model, Dictionary<string, Tensor> snapshot)
    {
        using var noGrad = torch.no_grad();
        foreach (var (name, tensor) in model.state_dict()) tensor.copy_(snapshot[name]);
    }

    private static void DisposeAll(Dictionary<string, Tensor>? tensors)
    {
        if (tensors is null) return;
        foreach (var t in tensors.Values) t.Dispose();
    }
}
