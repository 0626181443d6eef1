using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DecoReg.Model;

/// <summary>Pre-LayerNorm transformer encoder layer: x + SelfAttn(LN(x)), then x + FF(LN(x)).</summary>
internal sealed class EncoderLayer : nn.Module
{
    private readonly LayerNorm norm1, norm2;
    private readonly Attention attention;
    private readonly FeedForward feedForward;
    private readonly BitDropout dropout;

    public EncoderLayer(TransformerOptions o) : base(nameof(EncoderLayer))
    {
        norm1 = nn.LayerNorm(o.ModelDim);
        norm2 = nn.LayerNorm(o.ModelDim);
        attention = new Attention(o.ModelDim, o.Heads);
        feedForward = new FeedForward(o.ModelDim, o.FeedForwardDim, o.Dropout);
        dropout = new BitDropout(o.Dropout);
        RegisterComponents();
    }

    /// <param name="mask">Optional [batch, 1, 1, length] boolean, true = real (attendable) position.</param>
    public Tensor Forward(Tensor x, Tensor? mask)
    {
        using var scope = torch.NewDisposeScope();
        var h = norm1.call(x);
        var (k, v) = attention.KeysValues(h);
        x = x.Plus(dropout.call(attention.Attend(h, k, v, causal: false, mask)));
        x = x.Plus(dropout.call(feedForward.call(norm2.call(x))));
        return x.MoveToOuterDisposeScope();
    }
}
