using static TorchSharp.torch;

namespace DecoReg.Model;

/// <summary>
/// A <see cref="Grammar"/>'s allowed-token table as a tensor, built once per model: an additive log-mask
/// [states, vocabulary] (0 where a token is allowed, a large negative number elsewhere). Training and every decoder
/// apply the grammar by indexing it with state ids (decoders advance the states with <see cref="Grammar.Next"/>):
/// no per-sample mask building.
/// </summary>
public sealed class GrammarTensors : IDisposable
{
    /// <summary>Logit offset for forbidden tokens: large enough to give them zero probability, finite to avoid NaNs.</summary>
    public const float Forbidden = -1e9f;

    public GrammarTensors(Grammar grammar)
    {
        Grammar = grammar;
        int v = grammar.VocabularySize;
        var mask = new float[grammar.StateCount * v];
        var table = grammar.NextTable;
        for (int i = 0; i < mask.Length; i++) mask[i] = table[i] >= 0 ? 0f : Forbidden;
        LogMask = torch.tensor(mask, new long[] { grammar.StateCount, v });
    }

    public Grammar Grammar { get; }

    /// <summary>[states, vocabulary] additive logit mask.</summary>
    public Tensor LogMask { get; }

    /// <summary>Grammar-masked log-probabilities: log_softmax(logits + mask[states]) over the last dimension.</summary>
    /// <param name="logits">[..., vocabulary]</param>
    /// <param name="states">int64 state ids with the shape of <paramref name="logits"/> minus its last dimension.</param>
    public Tensor MaskedLogProbs(Tensor logits, Tensor states, double temperature = 1.0)
    {
        using var scope = torch.NewDisposeScope();
        var mask = LogMask.index_select(0, states.reshape(-1)).view(logits.shape);
        var masked = temperature == 1.0 ? logits.Plus(mask) : logits.Over(temperature).Plus(mask);
        return nn.functional.log_softmax(masked, -1).MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        LogMask.Dispose();
    }
}
