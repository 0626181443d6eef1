using DecoReg.Inference;
using DecoReg.Inputs;
using DecoReg.Model;
using DecoReg.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DecoReg.Baselines;

/// <summary>
/// The network every baseline head shares: the backbone the decoding regressor reads the same options with
/// (<see cref="Backbone.Create"/>: the column-token transformer <see cref="Encoder"/> or TabM's <see cref="MlpBackbone"/>,
/// over a <see cref="TabularEmbedding"/>), its states mean-pooled, then a two-layer MLP (Linear → GELU → Linear) with as
/// many outputs as the head needs. With k &gt; 1 members every row is read once per member
/// (<see cref="MemberBatches.Expand"/>), so the outputs are [rows·k, outputs], row r's member m at r·k + m.
/// </summary>
public sealed class PooledHeadNetwork : nn.Module<InputBatch, Tensor>
{
    private readonly Backbone backbone;
    private readonly Linear hidden;
    private readonly Linear output;

    public PooledHeadNetwork(Backbone backbone, int hiddenUnits, int outputs, int members = 1) : base(nameof(PooledHeadNetwork))
    {
        if (members < 1) throw new ArgumentOutOfRangeException(nameof(members), members, "at least one member");
        this.backbone = backbone;
        hidden = nn.Linear(backbone.Options.ModelDim, hiddenUnits);
        output = nn.Linear(hiddenUnits, outputs);
        Outputs = outputs;
        Members = members;
        RegisterComponents();
    }

    public int Outputs { get; }

    /// <summary>Members of the efficient ensemble (1: one network).</summary>
    public int Members { get; }

    /// <summary>Head outputs [batch·members, outputs].</summary>
    public override Tensor forward(InputBatch input)
    {
        using var scope = torch.NewDisposeScope();
        var pooled = backbone.Pool(MemberBatches.Expand(input, Members));
        return output.call(nn.functional.gelu(hidden.call(pooled))).MoveToOuterDisposeScope();
    }
}

/// <summary>
/// Shared machinery of the neural baseline heads: featurizing rows exactly as the decoding regressor does
/// (<see cref="TabularFeaturizer"/> over an inferred <see cref="ColumnSchema"/>), standardizing the target
/// (z = (y − mean)/std of the training targets), training with the shared <see cref="Trainer"/> and the same
/// seeded validation hold-out as the decoding regressor (<see cref="Splits.HoldOut"/>), and batched inference. A head only
/// says how many outputs it needs, its loss on z, and how its outputs become a <see cref="Distribution"/> and a
/// log-density — both in z; this class maps them to target units (y = mean + std·z, log-Jacobian −log std).
/// The backbone is the one <see cref="BaselineOptions.Network"/> resolves to for table rows, as for the decoding
/// regressor (the MLP with its members unless the options pin the transformer), and a table read by the MLP from
/// <see cref="LargeTables.Rows"/> rows takes the regressor's large-table recipe (<see cref="LargeTables.Recipe"/>). With
/// k members each member's outputs are trained on the row (the loss is the members' mean, as TabM trains) and the
/// prediction and likelihood are the equal-weight mixture of the members' distributions.
/// </summary>
public abstract class NeuralBaseline : ITrainable, IBaseline
{
    private PooledHeadNetwork? network;
    private TabularFeaturizer? featurizer;

    protected NeuralBaseline(BaselineOptions options)
    {
        options.Validate();
        Options = options;
    }

    public abstract string Name { get; }
    public BaselineOptions Options { get; }
    public TrainingReport? TrainingReport { get; private set; }

    /// <summary>Mean and standard deviation of the training targets (the z-scaling).</summary>
    public double TargetMean { get; private set; }
    public double TargetStd { get; private set; } = 1;

    public nn.Module Module => network ?? throw new InvalidOperationException("the head is not built yet");

    /// <summary>Number of raw outputs the head needs.</summary>
    protected abstract int Outputs { get; }

    /// <summary>Called once with the scaled training targets before training (e.g. to fix histogram bins).</summary>
    protected virtual void FitTargets(double[] z) { }

    /// <summary>Mean loss of head outputs [batch, outputs] against scaled targets z [batch] (float32).</summary>
    protected abstract Tensor HeadLoss(Tensor outputs, Tensor z);

    /// <summary>
    /// The predictive distribution in z units from one row's outputs: <paramref name="members"/> blocks of
    /// <see cref="Outputs"/> values, one per member, whose distributions mix with equal weights.
    /// </summary>
    protected abstract Distribution ToDistribution(ReadOnlySpan<double> outputs, int members);

    /// <summary>log density in z units at z from one member's outputs.</summary>
    protected abstract double LogDensity(ReadOnlySpan<double> outputs, double z);

    /// <summary>Members the network reads each row with (1 before training or for one network).</summary>
    public int Members => network?.Members ?? 1;

    /// <summary>Raw outputs per row: one block of <see cref="Outputs"/> per member.</summary>
    private int RowWidth => Members * Outputs;

    /// <summary>log of the members' mixture density at z from one row's outputs (k blocks of <see cref="Outputs"/>).</summary>
    private double MixtureLogDensity(ReadOnlySpan<double> outputs, double z)
    {
        int k = outputs.Length / Outputs;
        if (k == 1) return LogDensity(outputs, z);
        Span<double> terms = stackalloc double[k];
        for (int m = 0; m < k; m++) terms[m] = LogDensity(outputs.Slice(m * Outputs, Outputs), z);
        return Statistics.LogMeanExp(terms);
    }

    public Tensor Loss(TrainingBatch batch)
    {
        using var scope = torch.NewDisposeScope();
        var z = batch.Scaled ?? throw new ArgumentException("the batch has no scaled targets");
        return HeadLoss(network!.call(batch.Inputs), MemberBatches.ExpandRows(z, network.Members)).MoveToOuterDisposeScope();
    }

    /// <summary>Fits the head. Without <paramref name="validation"/>, holds out the seeded validation fraction.</summary>
    protected void Fit(Dataset train, Dataset? validation, IProgress<TrainingProgress>? progress, CancellationToken cancellation)
    {
        var training = Options.Training;
        TorchRuntime.Initialize(Options.Threads);
        (train, validation) = Splits.HoldOut(train, validation, training.ValidationFraction, training.Seed);
        (var sizes, training) = LargeTables.Recipe(Options.Network, training, train.RowCount);
        var options = sizes.Resolve(tableRows: true);
        var y = train.Targets;
        var (mean, variance) = Statistics.MeanAndVariance(y);
        TargetMean = mean;
        TargetStd = variance > 0 && double.IsFinite(variance) ? Math.Sqrt(variance) : Math.Max(1.0, Math.Abs(TargetMean));
        FitTargets(y.Select(Scale).ToArray());

        featurizer = new TabularFeaturizer(ColumnSchema.Infer(train.Features));
        torch.manual_seed(training.Seed);
        var backbone = Backbone.Create(InputEmbeddings.For(featurizer, options), options);
        int hiddenUnits = Options.HeadHidden > 0 ? Options.HeadHidden : options.ModelDim;
        network = new PooledHeadNetwork(backbone, hiddenUnits, Outputs, options.Members);
        using var trainSet = ToTrainingSet(train);
        using var validSet = ToTrainingSet(validation);
        TrainingReport = Trainer.Train(this, trainSet, validSet, training, progress, cancellation);
        network.eval();
    }

    public IReadOnlyList<Distribution> Predict(Table features)
    {
        var outputs = RawOutputs(features);
        var result = new Distribution[features.RowCount];
        int width = RowWidth;
        for (int i = 0; i < result.Length; i++)
            result[i] = ToTargetUnits(ToDistribution(outputs.AsSpan(i * width, width), Members));
        return result;
    }

    public double[] LogLikelihood(Dataset data)
    {
        var outputs = RawOutputs(data.Features);
        var result = new double[data.RowCount];
        double logStd = Math.Log(TargetStd);
        int width = RowWidth;
        for (int i = 0; i < result.Length; i++)
            result[i] = MixtureLogDensity(outputs.AsSpan(i * width, width), Scale(data.Targets[i])) - logStd;
        return result;
    }

    /// <summary>Raw head outputs for every row, row-major [rows × members × outputs].</summary>
    protected double[] RawOutputs(Table features)
    {
        var net = network ?? throw new InvalidOperationException($"{Name}: the head is not trained");
        net.eval();
        using var inference = torch.inference_mode();
        using var scope = torch.NewDisposeScope();
        using var inputs = Featurize(features);
        long width = RowWidth;
        var result = new double[features.RowCount * width];
        Batches.ForEach(features.RowCount, Batches.EvaluationSize, (start, index) =>
        {
            var o = net.call(inputs.Select(index)).to_type(ScalarType.Float64).data<double>().ToArray();
            Array.Copy(o, 0, result, start * width, o.Length);
        });
        return result;
    }

    protected double Scale(double y) => (y - TargetMean) / TargetStd;

    private Distribution ToTargetUnits(Distribution z)
    {
        int n = z.Count;
        var values = new double[n];
        var lows = new double[n];
        var highs = new double[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = TargetMean + TargetStd * z.Values[i];
            lows[i] = TargetMean + TargetStd * z.BinLows[i];
            highs[i] = TargetMean + TargetStd * z.BinHighs[i];
        }
        return new Distribution(values, z.Probabilities.ToArray(), lows, highs, z.CoveredMass);
    }

    private InputBatch Featurize(Table features) => InputBatch.From(featurizer!.Encode(features));

    private TrainingSet ToTrainingSet(Dataset data)
    {
        var z = data.Targets.Select(v => (float)Scale(v)).ToArray();
        return TrainingSet.ForHead(Featurize(data.Features), torch.tensor(z));
    }

    public void Dispose()
    {
        network?.Dispose();
        GC.SuppressFinalize(this);
    }
}
