using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DecoReg.Model;

/// <summary>
/// Pre-LayerNorm transformer decoder layer: causal self-attention over number tokens, cross-attention to the
/// encoder's states, feed-forward. Runs either on a whole teacher-forced sequence or one step at a time against a
/// <see cref="DecoderCache"/>.
/// </summary>
internal sealed class DecoderLayer : nn.Module
{
    private readonly LayerNorm norm1, norm2, norm3;
    private readonly Attention self, cross;
    private readonly FeedForward feedForward;
    private readonly BitDropout dropout;

    public DecoderLayer(TransformerOptions o) : base(nameof(DecoderLayer))
    {
        norm1 = nn.LayerNorm(o.ModelDim);
        norm2 = nn.LayerNorm(o.ModelDim);
        norm3 = nn.LayerNorm(o.ModelDim);
        self = new Attention(o.ModelDim, o.Heads);
        cross = new Attention(o.ModelDim, o.Heads);
        feedForward = new FeedForward(o.ModelDim, o.FeedForwardDim, o.Dropout);
        dropout = new BitDropout(o.Dropout);
        RegisterComponents();
    }

    /// <summary>Keys and values of the encoder output for cross-attention (computed once per input).</summary>
    public (Tensor Keys, Tensor Values) CrossKeysValues(Tensor memory) => cross.KeysValues(memory);

    /// <summary>Whole-sequence (teacher-forced) pass; <paramref name="x"/> is [batch, length, d].</summary>
    public Tensor Forward(Tensor x, Tensor crossKeys, Tensor crossValues, Tensor? memoryMask)
    {
        using var scope = torch.NewDisposeScope();
        var h = norm1.call(x);
        var (k, v) = self.KeysValues(h);
        x = x.Plus(dropout.call(self.Attend(h, k, v, causal: true)));
        x = x.Plus(dropout.call(cross.Attend(norm2.call(x), crossKeys, crossValues, causal: false, memoryMask)));
        x = x.Plus(dropout.call(feedForward.call(norm3.call(x))));
        return x.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// One decoding step for [live, 1, d] inputs: appends this position's keys/values to the layer's self-attention
    /// cache (replacing the cached tensors) and returns the layer output.
    /// </summary>
    public Tensor Step(Tensor x, ref Tensor? selfKeys, ref Tensor? selfValues, Tensor crossKeys, Tensor crossValues, Tensor? memoryMask)
    {
        var h = norm1.call(x);
        var (k, v) = self.KeysValues(h);
        if (selfKeys is not null)
        {
            var kk = torch.cat(new[] { selfKeys, k }, 2);
            var vv = torch.cat(new[] { selfValues!, v }, 2);
            k.Dispose(); v.Dispose();
            selfKeys.Dispose(); selfValues!.Dispose();
            k = kk; v = vv;
        }
        selfKeys = k;
        selfValues = v;
        using var a = self.Attend(h, k, v, causal: false);
        h.Dispose();
        using var x1 = x.Plus(a);
        using var c = cross.Attend(norm2.call(x1), crossKeys, crossValues, causal: false, memoryMask);
        using var x2 = x1.Plus(c);
        using var f = feedForward.call(norm3.call(x2));
        return x2.Plus(f);
    }
}
