using DecoReg.Model;
using static TorchSharp.torch;

namespace DecoReg.Training;

/// <summary>
/// The decoding regressor's loss: mean cross-entropy per target token with the grammar applied as a mask on the
/// logits, so that training and constrained decoding agree. Reads a batch's target tokens and grammar states.
/// </summary>
public sealed class DecoderObjective : ITrainable
{
    public DecoderObjective(EncoderDecoder network, GrammarTensors grammar, int membersPerRow = 0)
    {
        Network = network;
        Grammar = grammar;
        MembersPerRow = membersPerRow;
    }

    /// <summary>Members that read each row in a training step (<see cref="TrainingOptions.MembersPerRow"/>; 0 = all).</summary>
    public int MembersPerRow { get; }

    public EncoderDecoder Network { get; }
    public GrammarTensors Grammar { get; }
    public nn.Module Module => Network;

    public Tensor Loss(TrainingBatch batch)
    {
        using var scope = torch.NewDisposeScope();
        var (inputs, tokens, states) = Network.training ? Sample(batch) : Expand(batch);
        (tokens, states) = PickCopy(tokens, states);
        var logProbs = Grammar.MaskedLogProbs(Network.Forward(inputs, tokens), states);
        return nn.functional.nll_loss(logProbs.reshape(-1, logProbs.shape[^1]), tokens.reshape(-1)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Targets stored as [rows, copies, length] (jittered copies, see <see cref="TargetNoise"/>): one copy per row,
    /// drawn with the seeded libtorch generator; [rows, length] targets are used as they are.
    /// </summary>
    private static (Tensor Tokens, Tensor States) PickCopy(Tensor tokens, Tensor states)
    {
        if (tokens.dim() == 2) return (tokens, states);
        long rows = tokens.shape[0], copies = tokens.shape[1], length = tokens.shape[2];
        var pick = torch.randint(copies, new long[] { rows }, dtype: ScalarType.Int64).view(rows, 1, 1).expand(rows, 1, length);
        return (tokens.gather(1, pick).squeeze(1), states.gather(1, pick).squeeze(1));
    }

    /// <summary>
    /// Log-probability of each complete target sequence, [rows] float64 (teacher-forced, masked): under the mixture of
    /// the members for an efficient ensemble.
    /// </summary>
    public Tensor SequenceLogProbability(TrainingBatch batch)
    {
        using var scope = torch.NewDisposeScope();
        var (inputs, tokens, states) = Expand(batch);
        var logProbs = Grammar.MaskedLogProbs(Network.Forward(inputs, tokens), states);
        var perSequence = logProbs.gather(2, tokens.unsqueeze(2)).squeeze(2).sum(1, type: ScalarType.Float64);
        return MemberBatches.MixLogProbabilities(perSequence, Network.Members).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// <see cref="SequenceLogProbability"/> of every row of <paramref name="set"/>, in evaluation-sized batches (the
    /// caller sets the network's mode and the inference scope).
    /// </summary>
    public double[] SequenceLogProbabilities(TrainingSet set)
    {
        var result = new double[set.Count];
        Batches.ForEach(set.Count, Batches.EvaluationRows(set.Inputs),
            (start, index) => SequenceLogProbability(set.Select(index)).data<double>().CopyTo(result, start));
        return result;
    }

    /// <summary>The batch as the network's members read it: every row once per member (<see cref="MemberBatches"/>).</summary>
    private (InputBatch Inputs, Tensor Tokens, Tensor States) Expand(TrainingBatch batch)
    {
        int k = Network.Members;
        return (MemberBatches.Expand(batch.Inputs, k), MemberBatches.ExpandRows(Required(batch.TargetTokens), k),
            MemberBatches.ExpandRows(Required(batch.TargetStates), k));
    }

    /// <summary>
    /// A training step's batch: each row read by <see cref="MembersPerRow"/> members drawn at random, or by every member
    /// (<see cref="MemberBatches.Sample"/> decides).
    /// </summary>
    private (InputBatch Inputs, Tensor Tokens, Tensor States) Sample(TrainingBatch batch)
    {
        var (inputs, rows) = MemberBatches.Sample(batch.Inputs, Network.Members, MembersPerRow);
        return (inputs, Required(batch.TargetTokens).index_select(0, rows), Required(batch.TargetStates).index_select(0, rows));
    }

    private static Tensor Required(Tensor? target) =>
        target ?? throw new ArgumentException("the batch has no target tokens and states (a head's training set?)");
}
