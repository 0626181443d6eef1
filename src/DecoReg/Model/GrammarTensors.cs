using DecoReg.Numbers;
using TorchSharp;
using static TorchSharp.torch;

namespace DecoReg.Model;

/// <summary>
/// A <see cref="Grammar"/> as tensors, built once per model: an additive log-mask [states, vocabulary] (0 where a
/// token is allowed, a large negative number elsewhere) and the next-state table [states · vocabulary]. Training and
/// every decoder apply the grammar by indexing these with state ids: no per-sample mask building.
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
        var next = new long[grammar.StateCount * v];
        var table = grammar.NextTable;
        for (int i = 0; i < mask.Length; i++)
        {
            mask[i] = table[i] >= 0 ? 0f : Forbidden;
            next[i] = Math.Max(table[i], 0); // forbidden transitions are never taken; 0 keeps indices valid
        }
        LogMask = torch.tensor(mask, new long[] { grammar.StateCount, v });
        NextState = torch.tensor(next);
    }

    public Grammar Grammar { get; }

    /// <summary>[states, vocabulary] additive logit mask.</summary>
    public Tensor LogMask { get; }

    /// <summary>[states · vocabulary] next state of (state, token).</summary>
    public Tensor NextState { get; }

    /// <summary>Grammar-masked log-probabilities: log_softmax(logits + mask[states]) over the last dimension.</summary>
    /// <param name="logits">[..., vocabulary]</param>
    /// <param name="states">int64 state ids with the shape of <paramref name="logits"/> minus its last dimension.</param>
    public Tensor MaskedLogProbs(Tensor logits, Tensor states, double temperature = 1.0)
    {
        using var scope = torch.NewDisposeScope();
        var mask = LogMask.index_select(0, states.reshape(-1)).view(logits.shape);
        var masked = temperature == 1.0 ? logits + mask : logits / temperature + mask;
        return nn.functional.log_softmax(masked, -1).MoveToOuterDisposeScope();
    }

    /// <summary>The state after each live sequence takes its token: NextState[state · V + token].</summary>
    public Tensor Advance(Tensor states, Tensor tokens)
    {
        using var scope = torch.NewDisposeScope();
        return NextState.index_select(0, states * Grammar.VocabularySize + tokens).MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        LogMask.Dispose();
        NextState.Dispose();
    }
}
