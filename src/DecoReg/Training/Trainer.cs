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
        using var run = new TrainingRun(trainable, train, validation, options, progress, cancellation);
        while (run.NextEpoch()) { }
        return run.Finish();
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
    internal static IEnumerable<long[]> EpochBatches(TrainingSet train, long[] order, TrainingOptions options, Random rng)
    {
        int batchSize = options.BatchSize;
        if (train.Tasks is { } tasks) order = TaskMixing.EpochRows(tasks, options.TaskSamplingPower, rng);
        if (train.Inputs.Lengths is { } lengths) return train.Tasks is null ? LengthBatches.Plan(lengths, batchSize, rng) : LengthBatches.Plan(lengths, order, batchSize, rng);
        TaskMixing.Shuffle(order, rng);
        return Enumerable.Range(0, (order.Length + batchSize - 1) / batchSize)
            .Select(b => order.AsSpan(b * batchSize, Math.Min(batchSize, order.Length - b * batchSize)).ToArray());
    }
}
