using DecoReg.Inputs;
using DecoReg.Model;

namespace DecoReg.Training;

/// <summary>
/// Turns a dataset into the decoder's <see cref="TrainingSet"/>: the rows through the input encoder, each target
/// through its task's scaler and the shared codec into tokens plus the grammar state before each token.
/// </summary>
public sealed class TrainingSetBuilder(IInputEncoder inputs, TaskTargets targets)
{
    public TrainingSetBuilder(IInputEncoder inputs, TargetEncoding target) : this(inputs, TaskTargets.Single(target)) { }

    public TaskTargets Targets => targets;

    /// <summary>
    /// Target tokens and grammar states for every row, [rows, copies, length] when <paramref name="noise"/> asks for
    /// jittered copies of each target (training), else [rows, length]. A target the codec cannot write is a user
    /// error naming the row.
    /// </summary>
    /// <param name="featurized">The rows already featurized (shared, not disposed with the set); null featurizes them here.</param>
    public TrainingSet Build(Dataset data, TargetNoise? noise = null, InputBatch? featurized = null)
    {
        int length = targets.Codec.Length, n = data.RowCount, copies = noise?.Copies ?? 1;
        var encodings = targets.ForRows(data.Features);
        var tokens = new long[n * copies * length];
        var states = new long[n * copies * length];
        var grammar = targets.Codec.Grammar;
        for (int i = 0; i < n; i++)
        {
            var target = encodings[i];
            double z = target.Scaler.Transform(data.Targets[i]);
            for (int c = 0; c < copies; c++)
            {
                int[] sequence;
                try { sequence = target.EncodeScaled(noise is null || c == 0 ? z : z + noise.Draw()); }
                catch (DecoRegException e)
                {
                    throw new DecoRegException($"{data.Name}: {data.Features.DescribeRow(i)}: {e.Message}", e);
                }
                var path = grammar.StatePath(sequence);
                int offset = (i * copies + c) * length;
                for (int j = 0; j < length; j++)
                {
                    tokens[offset + j] = sequence[j];
                    states[offset + j] = path[j];
                }
            }
        }
        var shape = noise is null ? new long[] { n, length } : new long[] { n, copies, length };
        return TrainingSet.ForDecoder(featurized ?? Featurize(data.Features), torch.tensor(tokens, shape), torch.tensor(states, shape),
            ownsInputs: featurized is null, TaskGroups.Of(targets, data.Features));
    }

    /// <summary>The encoder inputs of feature rows.</summary>
    public InputBatch Featurize(Table features) => InputBatch.From(inputs.Encode(features));

    /// <summary>
    /// log p(y) − log P(tokens of y) of every row (bin width and scaler Jacobian), from the target tokens of a set
    /// built without jitter from <paramref name="data"/>.
    /// </summary>
    public double[] LogDensityCorrections(TrainingSet set, Dataset data)
    {
        var tokens = set.TargetTokens!.data<long>().ToArray();
        var encodings = targets.ForRows(data.Features);
        int length = targets.Codec.Length;
        var sequence = new int[length];
        var result = new double[data.RowCount];
        for (int i = 0; i < result.Length; i++)
        {
            for (int j = 0; j < length; j++) sequence[j] = (int)tokens[i * length + j];
            result[i] = encodings[i].LogDensityCorrection(data.Targets[i], sequence);
        }
        return result;
    }
}
