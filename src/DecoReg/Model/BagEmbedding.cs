using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DecoReg.Model;

/// <summary>
/// Embeds a row's n-gram bag (<see cref="Inputs.Text.NgramBag"/>) as one vector: the weighted sum of its buckets'
/// learned vectors, layer-normalized. It joins the encoder's states as one extra memory token, so the decoder reads
/// the text both through attention over its tokens and as a bag of n-grams (the TF-IDF view), whichever serves it.
/// </summary>
public sealed class BagEmbedding : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Embedding buckets;
    private readonly LayerNorm norm;

    public BagEmbedding(int bucketCount, TransformerOptions options) : base(nameof(BagEmbedding))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bucketCount, 2);
        buckets = nn.Embedding(bucketCount, options.ModelDim, padding_idx: 0);
        using (torch.no_grad()) buckets.weight!.normal_(0, 0.1);
        norm = nn.LayerNorm(options.ModelDim);
        RegisterComponents();
    }

    /// <summary>[batch, slots] bucket ids and weights → [batch, d].</summary>
    public override Tensor forward(Tensor ids, Tensor weights)
    {
        using var scope = torch.NewDisposeScope();
        var summed = (buckets.call(ids) * weights.unsqueeze(-1)).sum(1);
        return norm.call(summed).MoveToOuterDisposeScope();
    }
}
