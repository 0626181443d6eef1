using DecoReg.Inputs;
using DecoReg.Model;

namespace DecoReg.Training;

/// <summary>
/// Trains the networks of an ensemble for one target encoding on fixed training rows and hold-out: each network from
/// its own seed (training seed + its index: initialization, shuffling, dropout, jittered copies), so every network
/// shares the schema and fitted codec and their distributions can be mixed. Cancelling stops after the network
/// being trained (keeping at least one).
/// </summary>
public sealed class EnsembleTrainer : IDisposable
{
    private readonly TrainingPlan plan;
    private readonly IInputEncoder inputs;
    private readonly FeaturizedRows rows;
    private readonly TrainingSet validation;
    private readonly double[] scaledTargets;

    public EnsembleTrainer(TrainingPlan plan, TaskTargets targets, IInputEncoder inputs, FeaturizedRows rows)
    {
        this.plan = plan;
        this.inputs = inputs;
        this.rows = rows;
        Targets = targets;
        Builder = new TrainingSetBuilder(inputs, targets);
        Grammar = new GrammarTensors(targets.Codec.Grammar);
        validation = Builder.Build(rows.Validation, featurized: rows.ValidationInputs);
        var encodings = targets.ForRows(rows.Train.Features);
        scaledTargets = rows.Train.Targets.Select((y, i) => encodings[i].Scaler.Transform(y)).ToArray();
    }

    /// <summary>The target path of every task (one for a single-task model).</summary>
    public TaskTargets Targets { get; }
    public TrainingSetBuilder Builder { get; }
    public GrammarTensors Grammar { get; }

    /// <summary>
    /// Called with each new network and its member index before it trains (e.g. fine-tuning loads the pretrained
    /// member's weights and freezes what stays fixed); null trains from the seeded initialization.
    /// </summary>
    public Action<int, EncoderDecoder>? Prepare { get; init; }

    /// <summary>The hold-out with its target tokens (shared inputs).</summary>
    public TrainingSet Validation => validation;

    /// <summary>A new, untrained network, seeded for ensemble member <paramref name="member"/>.</summary>
    public static EncoderDecoder CreateNetwork(IInputEncoder inputs, TransformerOptions network, INumberCodec codec, int seed, int member)
    {
        torch.manual_seed(seed + member);
        return new EncoderDecoder(InputEmbeddings.For(inputs, network), network, codec.VocabularySize, codec.Length);
    }

    /// <summary>Trains networks until <paramref name="ensemble"/> has <paramref name="size"/> (those it has are kept).</summary>
    public void Train(Ensemble ensemble, int size, IProgress<TrainingProgress>? progress, CancellationToken cancellation)
    {
        int first = ensemble.Networks.Count;
        for (int m = first; m < size; m++)
        {
            if (m > first && cancellation.IsCancellationRequested) break;
            var memberProgress = progress is null || size == 1 ? progress : new MemberProgress(progress, m + 1, size);
            using var training = Start(m, memberProgress, cancellation);
            while (training.NextEpoch()) { }
            training.AddTo(ensemble);
        }
    }

    /// <summary>
    /// Starts network <paramref name="member"/> (seeded for that member) without training it: the caller advances it
    /// epoch by epoch and adds it to an ensemble, or drops it (<see cref="ScalingSelection"/> races candidates).
    /// </summary>
    public NetworkTraining Start(int member, IProgress<TrainingProgress>? progress, CancellationToken cancellation)
    {
        var training = plan.Training with { Seed = plan.Training.Seed + member };
        var network = CreateNetwork(inputs, plan.Network, Targets.Codec, plan.Training.Seed, member);
        TrainingSet? trainSet = null;
        try
        {
            Prepare?.Invoke(member, network);
            trainSet = Builder.Build(rows.Train, TargetNoise.For(training, scaledTargets), rows.TrainInputs);
            var objective = new DecoderObjective(network, Grammar, training.MembersPerRow);
            return new NetworkTraining(this, objective, trainSet, new TrainingRun(objective, trainSet, validation, training, progress, cancellation));
        }
        catch
        {
            trainSet?.Dispose();
            network.Dispose();
            throw;
        }
    }

    /// <summary>The hold-out NLL in target units (mean per row) of <paramref name="network"/> as its weights are now.</summary>
    private double ValidationNll(EncoderDecoder network) =>
        -EnsembleLikelihood.LogDensities([network], Grammar, Builder, validation, rows.Validation).Average();

    public void Dispose()
    {
        validation.Dispose();
        Grammar.Dispose();
    }

    /// <summary>
    /// One network of an <see cref="EnsembleTrainer"/> in training: <see cref="NextEpoch"/> until it returns false, then
    /// <see cref="AddTo"/> (best weights restored, temperature fitted if the plan asks); disposing a network never added
    /// frees it.
    /// </summary>
    public sealed class NetworkTraining : IDisposable
    {
        private readonly EnsembleTrainer owner;
        private readonly DecoderObjective objective;
        private readonly TrainingSet trainSet;
        private readonly TrainingRun run;
        private bool added;

        internal NetworkTraining(EnsembleTrainer owner, DecoderObjective objective, TrainingSet trainSet, TrainingRun run)
        {
            (this.owner, this.objective, this.trainSet, this.run) = (owner, objective, trainSet, run);
        }

        public EncoderDecoder Network => objective.Network;
        public TrainingRun Run => run;

        public bool NextEpoch() => run.NextEpoch();

        /// <summary>The hold-out NLL in target units of the best weights so far (<see cref="TrainingRun.WithBestWeights"/>).</summary>
        public double ValidationNll() => run.WithBestWeights(() => owner.ValidationNll(Network));

        public void AddTo(Ensemble ensemble)
        {
            var report = run.Finish();
            if (owner.plan.CalibrateTemperature) ensemble.Temperature = TemperatureCalibration.Fit(objective, owner.validation, owner.plan.PreferWiderTemperature);
            ensemble.Add(Network, report);
            added = true;
        }

        public void Dispose()
        {
            run.Dispose();
            trainSet.Dispose();
            if (!added) Network.Dispose();
        }
    }

    /// <summary>Tags every epoch report with the ensemble member it belongs to.</summary>
    private sealed class MemberProgress(IProgress<TrainingProgress> inner, int network, int networks) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => inner.Report(value with { Network = network, Networks = networks });
    }
}
