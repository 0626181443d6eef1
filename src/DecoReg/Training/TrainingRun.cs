using System.Diagnostics;
using static TorchSharp.torch;

namespace DecoReg.Training;

/// <summary>
/// One training of an <see cref="ITrainable"/> advanced an epoch at a time (<see cref="NextEpoch"/>), so that several
/// candidates can be trained side by side and compared before they finish (<see cref="ScalingSelection"/>);
/// <see cref="Trainer.Train"/> runs one to its end. AdamW with linear warm-up then cosine decay over the resolved
/// epochs (the n-gram bags' tables by <see cref="SparseRowAdamW"/>, only the rows a batch touched), gradient clipping,
/// early stopping on the validation loss; <see cref="Finish"/> restores the best weights.
/// </summary>
public sealed class TrainingRun : IDisposable
{
    private readonly ITrainable trainable;
    private readonly TrainingSet train, validation;
    private readonly IProgress<TrainingProgress>? progress;
    private readonly CancellationToken cancellation;
    private readonly nn.Module model;
    private readonly Stopwatch clock = new();   // runs only inside NextEpoch: a run waiting for its turn is not timed
    private readonly Random rng;
    private readonly TorchSharp.Modules.Parameter[] parameters;
    private readonly optim.Optimizer optimizer;
    private readonly SparseRowAdamW sparseTables;   // the n-gram bags' tables: only the rows a batch touched
    private readonly List<TrainingProgress> history = [];
    private readonly long[] order;
    private readonly long warmupSteps, totalSteps;
    private Dictionary<string, Tensor>? best;
    private Tensor rngState;   // libtorch's generator as this run left it (dropout, target copies, member draws)
    private double bestLoss = double.PositiveInfinity;
    private int bestEpoch, sinceBest;
    private long step;
    private string stopReason;
    private bool done;

    public TrainingRun(ITrainable trainable, TrainingSet train, TrainingSet validation, TrainingOptions options,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        options.Validate();
        Options = options.Resolve(train.Count);
        this.trainable = trainable;
        this.train = train;
        this.validation = validation;
        this.progress = progress;
        this.cancellation = cancellation;
        model = trainable.Module;
        rng = new Random(Options.Seed);
        torch.manual_seed(Options.Seed);
        rngState = torch.get_rng_state();
        int stepsPerEpoch = (train.Count + Options.BatchSize - 1) / Options.BatchSize;
        totalSteps = (long)stepsPerEpoch * Options.Epochs;
        warmupSteps = Math.Max(1, (long)(Options.WarmupFraction * totalSteps));
        // Frozen parameters (requires_grad false, e.g. an encoder kept as pretrained) are left out of the optimizer.
        var tableNames = Model.BagEmbedding.TableNames(model);
        var trained = model.named_parameters().Where(p => p.parameter.requires_grad).ToArray();
        parameters = trained.Where(p => !tableNames.Contains(p.name)).Select(p => p.parameter).ToArray();
        var tables = trained.Where(p => tableNames.Contains(p.name)).Select(p => p.parameter).ToArray();
        optimizer = torch.optim.AdamW(parameters, Options.LearningRate, SparseRowAdamW.Beta1, SparseRowAdamW.Beta2, SparseRowAdamW.Epsilon, Options.WeightDecay);
        sparseTables = new SparseRowAdamW(tables, Options.WeightDecay, Options.GradientClipNorm);
        order = Enumerable.Range(0, train.Count).Select(i => (long)i).ToArray();
        stopReason = $"reached the maximum of {Options.Epochs} epochs";
    }

    /// <summary>The options with every by-data default resolved for this training set (epochs, batch, learning rate, patience).</summary>
    public TrainingOptions Options { get; }

    /// <summary>Time spent training and validating so far (only inside <see cref="NextEpoch"/>).</summary>
    public TimeSpan Elapsed => clock.Elapsed;

    /// <summary>Epochs finished so far.</summary>
    public int Epoch => history.Count;

    /// <summary>Trains one epoch and validates; false once training has stopped (then call <see cref="Finish"/>).</summary>
    public bool NextEpoch()
    {
        if (done) return false;
        if (cancellation.IsCancellationRequested) return StopCancelled();   // e.g. a run resumed after another was cancelled
        // Each run draws from its own generator state, so runs advanced in turns train as each would alone.
        torch.set_rng_state(rngState);
        clock.Start();
        try
        {
            return TrainOneEpoch();
        }
        finally
        {
            clock.Stop();
            rngState.Dispose();
            rngState = torch.get_rng_state();
        }
    }

    /// <summary>
    /// <paramref name="evaluate"/> run with the best weights so far in place (the current ones when no epoch has
    /// finished), the current weights put back afterwards: how this run would do if it stopped now.
    /// </summary>
    public T WithBestWeights<T>(Func<T> evaluate)
    {
        ArgumentNullException.ThrowIfNull(evaluate);
        if (best is null) return evaluate();
        var current = Snapshot(model);
        try
        {
            Load(model, best);
            return evaluate();
        }
        finally
        {
            Load(model, current);
            DisposeAll(current);
        }
    }

    private bool TrainOneEpoch()
    {
        int epoch = history.Count + 1;
        model.train();
        double lossSum = 0;
        long seen = 0;
        var epochClock = Stopwatch.StartNew();
        bool cancelled = false;
        foreach (var rows in Trainer.EpochBatches(train, order, Options, rng))
        {
            if (cancellation.IsCancellationRequested) { cancelled = true; break; }
            using var scope = torch.NewDisposeScope();
            var loss = trainable.Loss(train.Select(torch.tensor(rows)));
            optimizer.zero_grad();
            sparseTables.ZeroGrad();
            loss.backward();
            nn.utils.clip_grad_norm_(parameters, Options.GradientClipNorm);
            double learningRate = Trainer.LearningRate(Options, step, warmupSteps, totalSteps);
            foreach (var group in optimizer.ParamGroups) group.LearningRate = learningRate;
            optimizer.step();
            sparseTables.Step(learningRate * Options.TableLearningRateScale, step + 1);
            step++;
            lossSum += loss.item<float>() * rows.Length;
            seen += rows.Length;
        }
        if (cancelled && history.Count == 0) return StopCancelled();

        var taskLosses = Trainer.EvaluateTasks(trainable, validation);
        double validLoss = taskLosses?.Overall ?? Trainer.Evaluate(trainable, validation);
        bool isBest = validLoss < bestLoss;
        if (isBest)
        {
            (bestLoss, bestEpoch, sinceBest) = (validLoss, epoch, 0);
            DisposeAll(best);
            best = Snapshot(model);
        }
        else sinceBest++;

        double seconds = epochClock.Elapsed.TotalSeconds;
        var elapsed = clock.Elapsed;
        var remaining = TimeSpan.FromSeconds(elapsed.TotalSeconds / epoch * (Options.Epochs - epoch));
        if (Options.TimeLimit is { } limit && remaining > limit - elapsed) remaining = limit - elapsed;
        var report = new TrainingProgress(epoch, Options.Epochs, lossSum / Math.Max(1, seen), validLoss, isBest, seen / Math.Max(seconds, 1e-9), elapsed, remaining < TimeSpan.Zero ? TimeSpan.Zero : remaining)
        {
            TaskLosses = taskLosses?.ByTask,
        };
        history.Add(report);
        progress?.Report(report);

        if (cancelled || cancellation.IsCancellationRequested) return StopCancelled();
        if (sinceBest >= Options.Patience) { stopReason = $"no better validation loss for {Options.Patience} epochs"; return Stop(); }
        if (Options.TimeLimit is { } t && clock.Elapsed >= t) { stopReason = $"time limit {t} reached"; return Stop(); }
        if (epoch >= Options.Epochs) return Stop();
        return true;
    }

    /// <summary>Stops training (if it has not), restores the best weights, leaves the model in evaluation mode and reports.</summary>
    public TrainingReport Finish()
    {
        done = true;
        if (best is not null)
        {
            Load(model, best);
            DisposeAll(best);
            best = null;
        }
        model.eval();
        return new TrainingReport(history.ToArray(), bestEpoch, bestLoss, stopReason, clock.Elapsed);
    }

    public void Dispose()
    {
        DisposeAll(best);
        best = null;
        optimizer.Dispose();
        sparseTables.Dispose();
        rngState.Dispose();
    }

    private bool Stop()
    {
        done = true;
        return false;
    }

    /// <summary>Stops on cancellation, saying after which epoch (none finished: before the first).</summary>
    private bool StopCancelled()
    {
        stopReason = history.Count == 0 ? "cancelled before the first epoch finished" : $"cancelled after epoch {history.Count}";
        return Stop();
    }

    private static Dictionary<string, Tensor> Snapshot(nn.Module model) =>
        model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());

    private static void Load(nn.Module model, Dictionary<string, Tensor> weights)
    {
        using var noGrad = torch.no_grad();
        foreach (var (name, tensor) in model.state_dict()) tensor.copy_(weights[name]);
    }

    private static void DisposeAll(Dictionary<string, Tensor>? tensors)
    {
        if (tensors is null) return;
        foreach (var t in tensors.Values) t.Dispose();
    }
}
