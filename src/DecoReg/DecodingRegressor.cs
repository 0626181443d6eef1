using DecoReg.Data;
using DecoReg.Inference;
using DecoReg.Inputs;
using DecoReg.Model;
using DecoReg.Numbers;
using DecoReg.Persistence;
using DecoReg.Training;
using DecoReg.Uncertainty;
using TorchSharp;

namespace DecoReg;

/// <summary>
/// The facade of DecoReg: trains an encoder–decoder that reads a table row and decodes the target's number tokens,
/// and answers every prediction with a full <see cref="Distribution"/> in the target's units. It only ties the
/// layers together: training lives in <see cref="RegressorTraining"/>, mixing an ensemble in
/// <see cref="MixtureDecoder"/>, the file format in <see cref="ModelFile"/>. Not thread-safe: use one instance per
/// thread (libtorch parallelizes inside each call).
/// </summary>
public sealed class DecodingRegressor : IDisposable
{
    private readonly EncoderDecoder[] networks;
    private readonly GrammarTensors grammar;
    private readonly TrainingSetBuilder builder;

    private DecodingRegressor(RegressorOptions options, LearnedState learned, EncoderDecoder[] networks)
    {
        Options = options;
        Learned = learned;
        Targets = learned.Targets();
        Inputs = InputEncoders.Create(learned.Schema, learned.Text);
        builder = new TrainingSetBuilder(Inputs, Targets);
        grammar = new GrammarTensors(Targets.Codec.Grammar);
        this.networks = networks;
        foreach (var network in networks) network.Temperature = learned.Temperature;
    }

    /// <summary>The options the user gave, unchanged (what training learned is <see cref="Learned"/>).</summary>
    public RegressorOptions Options { get; }

    /// <summary>What training learned: fitted codec and scaler, schema, temperature, reports, dropped columns, ….</summary>
    public LearnedState Learned { get; }

    /// <summary>The target path of every task: one codec, a fitted scaler per task (one for a single-task model).</summary>
    public TaskTargets Targets { get; }

    /// <summary>The target path (fitted scaler and codec) of a single-task model; the first task's for a multi-task one.</summary>
    public TargetEncoding Target => Targets.First;

    /// <summary>The tasks a multi-task model serves (empty for a single-task model).</summary>
    public IReadOnlyList<string> Tasks => Targets.Names;

    /// <summary>How rows become encoder tokens.</summary>
    public IInputEncoder Inputs { get; }

    public ColumnSchema Schema => Learned.Schema;

    /// <summary>The column the training targets came from, when known.</summary>
    public string? TargetColumn => Learned.TargetColumn;

    /// <summary>The target scaling used (the kept one when it was selected on the hold-out).</summary>
    public TargetScaling Scaling => Learned.Scaling;

    /// <summary>
    /// The network's sizes as built: backbone, members of its efficient ensemble and decoder layers resolved from
    /// <see cref="RegressorOptions.Network"/> (<see cref="TransformerOptions.Resolve"/>) and the data size (<see cref="LargeTables"/>).
    /// </summary>
    public TransformerOptions Network => networks[0].Options;

    /// <summary>The ensemble's networks (tests read their weights).</summary>
    internal IReadOnlyList<EncoderDecoder> Networks => networks;

    /// <summary>Networks in the ensemble (fewer than asked when training was cancelled).</summary>
    public int Members => networks.Length;

    /// <summary>How training went (the first network's, for an ensemble; also restored from model files); null when unknown.</summary>
    public TrainingReport? TrainingReport => MemberReports.Count > 0 ? MemberReports[0] : null;

    /// <summary>How training went for each network of the ensemble (empty when unknown).</summary>
    public IReadOnlyList<TrainingReport> MemberReports => Learned.Reports;

    /// <summary>The hold-out scores of the scalings tried by <see cref="RegressorOptions.SelectScaling"/> (empty otherwise).</summary>
    public IReadOnlyList<ScalingTrial> ScalingTrials => Learned.ScalingTrials;

    /// <summary>
    /// Trains a model. The same data, options and seed give the same model and predictions, provided no other
    /// training runs in the same process at the same time (dropout and target jitter draw from libtorch's
    /// process-wide generator). Without a validation set, a seeded <see cref="TrainingOptions.ValidationFraction"/> of the
    /// training rows is held out for early stopping. Cancelling stops training and keeps the best weights so far.
    /// </summary>
    public static DecodingRegressor Train(Dataset train, RegressorOptions? options = null, Dataset? validation = null,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        options ??= new RegressorOptions();
        options.Validate();
        TorchRuntime.Initialize(options.Threads);
        var (ensemble, learned) = RegressorTraining.Fit(options.ToPlan(), train, validation, progress, cancellation);
        using (ensemble) return new DecodingRegressor(options, learned, ensemble.Release());
    }

    /// <summary>
    /// Predictive distributions for every row of <paramref name="features"/> (columns matched by name), each in its
    /// task's units. For a multi-task model, <paramref name="task"/> names the task of every row (else the rows' task
    /// column says it, or the model's only task); an unknown task is an error listing the model's tasks.
    /// </summary>
    public IReadOnlyList<Distribution> PredictBatch(Table features, PredictionOptions? prediction = null, string? task = null)
    {
        features = Targets.Assign(features, task);
        var sequences = DecodeSequences(features, (prediction ?? Options.Prediction).CreateStrategy());
        var encodings = Targets.ForRows(features);
        var result = new Distribution[sequences.Count];
        for (int i = 0; i < result.Length; i++) result[i] = DistributionBuilder.Build(sequences[i], encodings[i]);
        return result;
    }

    /// <summary>The predictive distribution of one row given as column name → cell text (null = missing).</summary>
    public Distribution Predict(IReadOnlyDictionary<string, string?> row, PredictionOptions? prediction = null, string? task = null)
    {
        var columns = row.Keys.ToArray();
        var cells = columns.Select(c => row[c]).ToArray();
        return PredictBatch(new Table("input row", columns, new[] { cells }), prediction, task)[0];
    }

    /// <summary>Decodes token sequences with any strategy (for benchmarks and tests); an ensemble mixes its members'.</summary>
    public IReadOnlyList<SequenceDistribution> DecodeSequences(Table features, IDecodingStrategy strategy)
    {
        using var scope = torch.NewDisposeScope();
        using var inputs = builder.Featurize(features);
        return MixtureDecoder.Decode(networks, grammar, inputs, strategy);
    }

    /// <summary>
    /// Each row's representation: the first network's encoder states averaged over the row's tokens (for comparing
    /// rows, e.g. diversity when choosing rows to label; see <see cref="Representations"/>).
    /// </summary>
    public float[][] Represent(Table features, string? task = null)
    {
        using var scope = torch.NewDisposeScope();
        using var inputs = builder.Featurize(Targets.Assign(features, task));
        return Representations.Pooled(networks[0], inputs);
    }

    /// <summary>
    /// Teacher-forced, grammar-masked log-likelihood of each target under the model, as a log-density in the target's
    /// (task's) units (bin width and scaler Jacobian included). Used for NLL evaluation; tasks as in <see cref="PredictBatch"/>.
    /// </summary>
    public double[] LogLikelihood(Dataset data, string? task = null) =>
        EnsembleLikelihood.LogDensities(networks, grammar, builder, data with { Features = Targets.Assign(data.Features, task) });

    /// <summary>
    /// Pretrains one model on several tasks (e.g. one data set per file): joined by <see cref="Data.Tasks.Join"/> into
    /// one set whose task column (<see cref="RegressorOptions.TaskColumn"/>, default "task") holds each part's name.
    /// </summary>
    public static DecodingRegressor Pretrain(IReadOnlyList<(string Task, Dataset Data)> tasks, RegressorOptions? options = null,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        options ??= new RegressorOptions();
        options = options with { TaskColumn = options.TaskColumn ?? Data.Tasks.DefaultColumn };
        return Train(Data.Tasks.Join(tasks, options.TaskColumn), options, null, progress, cancellation);
    }

    /// <summary>
    /// A new model adapted from this one to <paramref name="data"/> (<see cref="FineTuner"/>): same vocabulary, codec and
    /// architecture, a scaler fitted on the new rows, weights started from this model's. For a multi-task model,
    /// <paramref name="task"/> names the new task (or the data's task column gives it). This model is left unchanged.
    /// </summary>
    public DecodingRegressor FineTune(Dataset data, FineTuneOptions? options = null, string? task = null,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (ensemble, learned) = FineTuner.Fit(Options.ToPlan(), Learned, networks, data, task, options ?? new FineTuneOptions(), progress, cancellation);
        using (ensemble) return new DecodingRegressor(Options, learned, ensemble.Release());
    }

    /// <summary>The conformal calibration of <see cref="Calibrate"/> (null when the model is uncalibrated).</summary>
    public ConformalCalibration? Calibration => Learned.Calibration;

    /// <summary>
    /// A new model whose intervals are calibrated by split conformal prediction on <paramref name="calibration"/>
    /// (rows the model did not train on) with the rule <paramref name="method"/> (<see cref="ConformalCalibration"/>):
    /// <see cref="Interval"/> then has the finite-sample coverage guarantee at every level of
    /// <see cref="ConformalQuantileRegression.Grid"/> (CQR, the default) or at every level (PIT). Calibration is
    /// marginal over the rows given (tasks as in <see cref="PredictBatch"/>, not per task). This model is left unchanged.
    /// </summary>
    public DecodingRegressor Calibrate(Dataset calibration, string? task = null, ConformalMethod method = ConformalMethod.Cqr)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        var fitted = ConformalCalibration.Fit(PredictBatch(calibration.Features, null, task), calibration.Targets, method);
        var copies = BuildNetworks(Inputs, Options, Learned, Targets.Codec, networks.Select(ModuleWeights.Save).ToArray());
        return new DecodingRegressor(Options, Learned with { Calibration = fitted }, copies);
    }

    /// <summary>
    /// The central interval at <paramref name="level"/>: calibrated (<see cref="ConformalCalibration.Interval"/>) when the
    /// model is, else the distribution's own. Use <see cref="Intervals"/> for many rows.
    /// </summary>
    public PredictionInterval Interval(Distribution distribution, double level) =>
        Intervals([distribution], level)[0];

    /// <summary>Central intervals of many rows, calibrated when the model is; a level the calibration rows are too few for, or (CQR) does not store, is an error.</summary>
    public PredictionInterval[] Intervals(IReadOnlyList<Distribution> distributions, double level)
    {
        ArgumentNullException.ThrowIfNull(distributions);
        ConformalRank.CheckLevel(level);
        if (Calibration is null) return distributions.Select(d => d.Interval(level)).ToArray();
        Calibration.CheckLevel(level);
        return Calibration.Intervals(distributions, level);
    }

    /// <summary>Writes the model (user options, learned state, weights, checksum) atomically.</summary>
    public void Save(string path, bool overwrite = true)
    {
        var weights = EnsembleWeights.Join(networks.Select(ModuleWeights.Save).ToArray());
        ModelFile.Write(path, new ModelFileContents(new ModelConfig(Options, Learned).ToJson(), weights), overwrite);
    }

    /// <summary>
    /// Loads a model file, including files written by earlier versions; a missing, truncated, corrupted or foreign
    /// file gives a <see cref="DecoRegException"/>.
    /// </summary>
    public static DecodingRegressor Load(string path)
    {
        var contents = ModelFile.Read(path);
        var config = ModelConfig.FromJson(contents.ConfigJson, path);
        TorchRuntime.Initialize(config.Options.Threads);
        var learned = config.Learned;
        var inputs = InputEncoders.Create(learned.Schema, learned.Text);
        EncoderDecoder[] networks;
        try
        {
            networks = BuildNetworks(inputs, config.Options, learned, learned.Codec.Create(), EnsembleWeights.Split(contents.Weights, learned.Members));
        }
        catch (Exception e) when (e is not DecoRegException)
        {
            throw new DecoRegException($"{path}: the weights do not match the model's configuration ({e.Message})", e);
        }
        return new DecodingRegressor(config.Options, learned, networks);
    }

    /// <summary>
    /// Networks built as training built them (the options with the member count training recorded,
    /// <see cref="LearnedState.NetworkAsBuilt"/>) and loaded with each member's weights, in evaluation mode (none left
    /// undisposed on failure).
    /// </summary>
    private static EncoderDecoder[] BuildNetworks(IInputEncoder inputs, RegressorOptions options, LearnedState learned, INumberCodec codec, IReadOnlyList<byte[]> parts)
    {
        var network = learned.NetworkAsBuilt(options.Network);
        var networks = new List<EncoderDecoder>();
        try
        {
            for (int m = 0; m < parts.Count; m++)
            {
                networks.Add(EnsembleTrainer.CreateNetwork(inputs, network, codec, options.Training.Seed, m));
                ModuleWeights.Load(networks[m], parts[m]);
                networks[m].eval();
            }
        }
        catch
        {
            foreach (var built in networks) built.Dispose();
            throw;
        }
        return [.. networks];
    }

    public void Dispose()
    {
        foreach (var network in networks) network.Dispose();
        grammar.Dispose();
    }
}
