using DecoReg.Data;
using DecoReg.Inference;
using DecoReg.Inputs;
using DecoReg.Model;
using DecoReg.Numbers;
using DecoReg.Persistence;
using DecoReg.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace DecoReg;

/// <summary>
/// The facade of DecoReg: trains an encoder–decoder that reads a table row and decodes the target's number tokens,
/// and answers every prediction with a full <see cref="Distribution"/> in the target's units. Ties together the
/// column schema and featurizer, the target scaler and codec, the network, training, decoding and model files.
/// Not thread-safe: use one instance per thread (libtorch parallelizes inside each call).
/// </summary>
public sealed class DecodingRegressor : IDisposable
{
    /// <summary>The ensemble's networks (one unless <see cref="RegressorOptions.EnsembleSize"/> says more).</summary>
    private EncoderDecoder[] members;
    private readonly GrammarTensors grammar;
    private readonly TabularFeaturizer featurizer;

    private DecodingRegressor(RegressorOptions options, TargetEncoding target, ColumnSchema schema)
    {
        Options = options;
        Target = target;
        Schema = schema;
        featurizer = new TabularFeaturizer(schema);
        grammar = new GrammarTensors(target.Codec.Grammar);
        members = new EncoderDecoder[options.EnsembleSize];
        for (int m = 0; m < members.Length; m++)
        {
            torch.manual_seed(options.Training.Seed + m);
            members[m] = new EncoderDecoder(
                TabularEmbedding.For(featurizer, options.Network),
                options.Network, target.Codec.VocabularySize, target.Codec.Length) { Temperature = options.Temperature };
        }
    }

    /// <summary>The options the model was built with (the codec as fitted to the training targets).</summary>
    public RegressorOptions Options { get; private set; }
    public TargetEncoding Target { get; }
    public ColumnSchema Schema { get; }

    /// <summary>The column the training targets came from, when known.</summary>
    public string? TargetColumn { get; private set; }

    /// <summary>How training went (the first network's, for an ensemble; also restored from model files); null when unknown.</summary>
    public TrainingReport? TrainingReport => MemberReports.Count > 0 ? MemberReports[0] : null;

    /// <summary>How training went for each network of the ensemble (empty when unknown).</summary>
    public IReadOnlyList<TrainingReport> MemberReports { get; private set; } = [];

    /// <summary>The hold-out scores of the scalings tried by <see cref="TargetScaling.Select"/> (empty otherwise).</summary>
    public IReadOnlyList<ScalingTrial> ScalingTrials { get; private set; } = [];

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
        if (validation is null)
        {
            if (train.RowCount < 10)
                throw new DecoRegException($"{train.Name}: {train.RowCount} rows are too few to hold out a validation set; give at least 10 rows or a validation set");
            (train, validation) = Splits.TrainValid(train, options.Training.ValidationFraction, options.Training.Seed);
        }
        if (train.RowCount == 0) throw new DecoRegException($"{train.Name}: no training rows");
        if (options.Scaling == TargetScaling.Select) return TrainSelectingScaling(train, validation, options, progress, cancellation);

        var schema = ColumnSchema.Infer(train.Features);
        var target = TargetEncoding.Fit(options.Codec, options.Scaling, train.Targets);
        options = options with { Codec = target.Codec.Options };
        var model = new DecodingRegressor(options, target, schema) { TargetColumn = train.TargetColumn };
        try
        {
            model.TrainMembers(0, [], train, validation, progress, cancellation);
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Trains networks <paramref name="first"/>… of the ensemble (the ones before keep their weights and
    /// <paramref name="reports"/>); stops after the network during which cancellation was requested and drops the
    /// untrained ones.
    /// </summary>
    private void TrainMembers(int first, List<TrainingReport> reports, Dataset train, Dataset validation,
        IProgress<TrainingProgress>? progress, CancellationToken cancellation)
    {
        using var validSet = Tokenize(validation);
        var scaledTargets = train.Targets.Select(Target.Scaler.Transform).ToArray();
        for (int m = first; m < members.Length; m++)
        {
            if (m > first && cancellation.IsCancellationRequested) break;
            // Each network its own seed (shuffling, dropout, jittered copies); the rows and hold-out stay the same,
            // so every member shares the schema and the fitted codec and their distributions can be mixed.
            var training = Options.Training with { Seed = Options.Training.Seed + m };
            using var trainSet = Tokenize(train, TargetNoise.For(training, scaledTargets));
            var objective = new DecoderObjective(members[m], grammar);
            var memberProgress = progress is null || members.Length == 1 ? progress
                : new MemberProgress(progress, m + 1, members.Length);
            reports.Add(Trainer.Train(objective, trainSet, validSet, training, memberProgress, cancellation));
            if (Options.CalibrateTemperature)
            {
                members[m].Temperature = TemperatureCalibration.Fit(objective, validSet);
                Options = Options with { Temperature = members[m].Temperature };
            }
        }
        if (reports.Count < members.Length) Shrink(reports.Count);
        MemberReports = reports;
    }

    /// <summary>
    /// <see cref="TargetScaling.Select"/>: one network per candidate scaling on the same rows and hold-out; keeps the one
    /// with the lower hold-out NLL in target units (ties and non-finite scores keep the earlier candidate). For an
    /// ensemble, the kept network becomes its first member and the others are trained with the chosen scaling
    /// (N + 1 networks in all, not 2N).
    /// </summary>
    private static DecodingRegressor TrainSelectingScaling(Dataset train, Dataset validation, RegressorOptions options,
        IProgress<TrainingProgress>? progress, CancellationToken cancellation)
    {
        TargetScaling[] candidates = [TargetScaling.Auto, TargetScaling.Quantile];
        DecodingRegressor? best = null;
        double bestNll = double.PositiveInfinity;
        var scores = new List<(TargetScaling Scaling, double Nll)>();
        try
        {
            for (int c = 0; c < candidates.Length; c++)
            {
                var stage = $"scaling {candidates[c].ToString().ToLowerInvariant()} ({c + 1}/{candidates.Length})";
                var stageProgress = progress is null ? null : new StageProgress(progress, stage);
                var model = Train(train, options with { Scaling = candidates[c], EnsembleSize = 1 }, validation, stageProgress, cancellation);
                double nll = -model.LogLikelihood(validation).Average();
                scores.Add((candidates[c], nll));
                if (best is null || nll < bestNll)
                {
                    best?.Dispose();
                    (best, bestNll) = (model, nll);
                }
                else model.Dispose();
                if (cancellation.IsCancellationRequested) break;
            }
        }
        catch
        {
            best?.Dispose();
            throw;
        }
        var trials = scores.Select(s => new ScalingTrial(s.Scaling, s.Nll, s.Scaling == best!.Options.Scaling)).ToArray();
        if (options.EnsembleSize > 1 && !cancellation.IsCancellationRequested)
            best = best!.Grow(options.EnsembleSize, train, validation, progress, cancellation);
        best!.ScalingTrials = trials;
        return best;
    }

    /// <summary>
    /// A <paramref name="size"/>-network ensemble whose first network is this (single-network) model's, taken over
    /// (this model is disposed), and whose other networks are trained with the same options, scaling and codec.
    /// </summary>
    private DecodingRegressor Grow(int size, Dataset train, Dataset validation, IProgress<TrainingProgress>? progress,
        CancellationToken cancellation)
    {
        DecodingRegressor grown;
        try { grown = new DecodingRegressor(Options with { EnsembleSize = size }, Target, Schema) { TargetColumn = TargetColumn }; }
        catch
        {
            Dispose();
            throw;
        }
        try
        {
            grown.members[0].Dispose();
            grown.members[0] = members[0];
            members = [];
            Dispose();
            grown.TrainMembers(1, [.. MemberReports], train, validation, progress, cancellation);
            return grown;
        }
        catch
        {
            grown.Dispose();
            throw;
        }
    }

    /// <summary>Predictive distributions for every row of <paramref name="features"/> (columns matched by name).</summary>
    public IReadOnlyList<Distribution> PredictBatch(Table features, PredictionOptions? prediction = null)
    {
        var sequences = DecodeSequences(features, (prediction ?? Options.Prediction).CreateStrategy());
        var result = new Distribution[sequences.Count];
        for (int i = 0; i < result.Length; i++) result[i] = DistributionBuilder.Build(sequences[i], Target);
        return result;
    }

    /// <summary>The predictive distribution of one row given as column name → cell text (null = missing).</summary>
    public Distribution Predict(IReadOnlyDictionary<string, string?> row, PredictionOptions? prediction = null)
    {
        var columns = row.Keys.ToArray();
        var cells = columns.Select(c => row[c]).ToArray();
        return PredictBatch(new Table("input row", columns, new[] { cells }), prediction)[0];
    }

    /// <summary>Decodes token sequences with any strategy (for benchmarks and tests); an ensemble mixes its members'.</summary>
    public IReadOnlyList<SequenceDistribution> DecodeSequences(Table features, IDecodingStrategy strategy)
    {
        using var scope = torch.NewDisposeScope();
        using var inputs = Featurize(features);
        if (members.Length == 1) return strategy.Decode(members[0], grammar, inputs);
        var perMember = members.Select(network => strategy.Decode(network, grammar, inputs)).ToArray();
        return Enumerable.Range(0, perMember[0].Count)
            .Select(row => SequenceDistribution.Mix(perMember.Select(d => d[row]).ToArray()))
            .ToArray();
    }

    /// <summary>
    /// Teacher-forced, grammar-masked log-likelihood of each target under the model, as a log-density in the target's
    /// units (bin width and scaler Jacobian included). Used for NLL evaluation.
    /// </summary>
    public double[] LogLikelihood(Dataset data)
    {
        using var inference = torch.inference_mode();
        using var scope = torch.NewDisposeScope();
        using var set = Tokenize(data);
        var perMember = members.Select(network => SequenceLogProbabilities(network, set)).ToArray();
        var result = new double[data.RowCount];
        var tokens = set.Targets[0].data<long>().ToArray();
        int length = Target.Codec.Length;
        var seq = new int[length];
        for (int i = 0; i < result.Length; i++)
        {
            for (int j = 0; j < length; j++) seq[j] = (int)tokens[i * length + j];
            result[i] = LogMeanExp(perMember, i) + Target.LogDensityCorrection(data.Targets[i], seq);
        }
        return result;
    }

    /// <summary>log((1/M) Σ exp(x_m[i])), computed without overflow.</summary>
    private static double LogMeanExp(double[][] x, int i)
    {
        double max = x.Max(m => m[i]);
        if (double.IsNegativeInfinity(max)) return max;
        return max + Math.Log(x.Average(m => Math.Exp(m[i] - max)));
    }

    /// <summary>Teacher-forced log-probability of every row's target token sequence under one network.</summary>
    private double[] SequenceLogProbabilities(EncoderDecoder network, TrainingSet set)
    {
        network.eval();
        var objective = new DecoderObjective(network, grammar);
        var result = new double[set.Count];
        const int batch = 2048;
        for (int start = 0; start < set.Count; start += batch)
        {
            using var inner = torch.NewDisposeScope();
            int count = Math.Min(batch, set.Count - start);
            var batchRows = set.Select(torch.arange(start, start + count, ScalarType.Int64));
            objective.SequenceLogProbability(batchRows).data<double>().ToArray().CopyTo(result, start);
        }
        return result;
    }

    /// <summary>Writes the model (options, scaler, schema, weights, checksum) atomically.</summary>
    public void Save(string path, bool overwrite = true)
    {
        var config = new ModelConfig(Options, Target.Scaler, Schema, TargetColumn, TrainingReport,
            MemberReports.Count > 1 ? MemberReports : null, ScalingTrials.Count > 0 ? ScalingTrials : null).ToJson();
        ModelFile.Write(path, new ModelFileContents(config, EnsembleWeights.Join(members.Select(Weights).ToArray())), overwrite);
    }

    /// <summary>Loads a model file; a missing, truncated, corrupted or foreign file gives a <see cref="DecoRegException"/>.</summary>
    public static DecodingRegressor Load(string path)
    {
        var contents = ModelFile.Read(path);
        var config = ModelConfig.FromJson(contents.ConfigJson, path);
        TorchRuntime.Initialize(config.Options.Threads);
        var target = new TargetEncoding(config.Options.Codec.Create(), config.Scaler);
        var model = new DecodingRegressor(config.Options, target, config.Schema)
        {
            TargetColumn = config.TargetColumn,
            MemberReports = config.MemberTraining ?? (config.Training is { } report ? [report] : []),
            ScalingTrials = config.ScalingTrials ?? [],
        };
        try
        {
            var parts = EnsembleWeights.Split(contents.Weights, model.members.Length);
            for (int m = 0; m < parts.Count; m++)
            {
                using var stream = new MemoryStream(parts[m]);
                model.members[m].load(stream);
            }
        }
        catch (Exception e) when (e is not DecoRegException)
        {
            model.Dispose();
            throw new DecoRegException($"{path}: the weights do not match the model's configuration ({e.Message})", e);
        }
        foreach (var network in model.members) network.eval();
        return model;
    }

    private static byte[] Weights(EncoderDecoder network)
    {
        using var stream = new MemoryStream();
        network.save(stream); // closes the stream; ToArray still works
        return stream.ToArray();
    }

    private InputBatch Featurize(Table features)
    {
        var encoded = featurizer.Encode(features);
        var shape = new long[] { encoded.Rows, encoded.Columns };
        return new InputBatch(torch.tensor(encoded.Tokens, shape), torch.tensor(encoded.Values, shape));
    }

    /// <summary>
    /// Target tokens and grammar states for every row, [rows, copies, length] when <paramref name="noise"/> asks for
    /// jittered copies of each target (training), else [rows, length].
    /// </summary>
    private TrainingSet Tokenize(Dataset data, TargetNoise? noise = null)
    {
        int length = Target.Codec.Length, n = data.RowCount, copies = noise?.Copies ?? 1;
        var tokens = new long[n * copies * length];
        var states = new long[n * copies * length];
        var g = Target.Codec.Grammar;
        for (int i = 0; i < n; i++)
        {
            double z = Target.Scaler.Transform(data.Targets[i]);
            for (int c = 0; c < copies; c++)
            {
                int[] seq;
                try { seq = Target.EncodeScaled(noise is null || c == 0 ? z : z + noise.Draw()); }
                catch (DecoRegException e)
                {
                    throw new DecoRegException($"{data.Name}: {data.Features.DescribeRow(i)}: {e.Message}", e);
                }
                var path = g.StatePath(seq);
                int offset = (i * copies + c) * length;
                for (int j = 0; j < length; j++)
                {
                    tokens[offset + j] = seq[j];
                    states[offset + j] = path[j];
                }
            }
        }
        var shape = noise is null ? new long[] { n, length } : new long[] { n, copies, length };
        return new TrainingSet(Featurize(data.Features), torch.tensor(tokens, shape), torch.tensor(states, shape));
    }

    /// <summary>Keeps the first <paramref name="count"/> networks (training was cancelled before the others).</summary>
    private void Shrink(int count)
    {
        foreach (var network in members[count..]) network.Dispose();
        Array.Resize(ref members, Math.Max(1, count));
        Options = Options with { EnsembleSize = members.Length };
    }

    /// <summary>Tags every epoch report with the ensemble member it belongs to.</summary>
    private sealed class MemberProgress(IProgress<TrainingProgress> inner, int network, int networks) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => inner.Report(value with { Network = network, Networks = networks });
    }

    /// <summary>Labels progress with the candidate being trained (scaling selection).</summary>
    private sealed class StageProgress(IProgress<TrainingProgress> inner, string stage) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => inner.Report(value with { Stage = stage });
    }

    public void Dispose()
    {
        foreach (var network in members) network.Dispose();
        grammar.Dispose();
    }
}
