using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DecoReg.Model;

/// <summary>
/// Embeds a row's n-gram bag (<see cref="Inputs.Text.NgramBag"/>) as one vector: the weighted sum of its buckets'
/// learned vectors (an embedding bag: the [batch, slots, width] gather is never materialized), layer-normalized.
/// Beside the transformer it joins the encoder's states as one extra memory token, so the decoder reads the text both
/// through attention over its tokens and as a bag of n-grams (the TF-IDF view); the MLP backbone reads text through
/// it alone.
/// </summary>
public sealed class BagEmbedding : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly EmbeddingBag buckets;
    private readonly LayerNorm norm;

    /// <param name="bucketCount">Hash buckets (0 is padding).</param>
    /// <param name="width">Width of the bag's vector (the model dimension as a memory token, wider for the MLP).</param>
    public BagEmbedding(int bucketCount, int width) : base(nameof(BagEmbedding))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bucketCount, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        // Sparse gradients: a step touches a few thousand of the buckets, and training updates only those rows
        // (Training.SparseRowAdamW) instead of materializing the whole table's gradient.
        buckets = nn.EmbeddingBag(bucketCount, width, mode: EmbeddingBagMode.Sum, sparse: true, padding_index: 0);
        using (torch.no_grad()) buckets.weight!.normal_(0, 0.1).index_fill_(0, torch.tensor(0L), 0.0);
        norm = nn.LayerNorm(width);
        Width = width;
        RegisterComponents();
    }

    /// <summary>The buckets' vectors [buckets, width]; their gradient is sparse (the rows a batch touched).</summary>
    internal TorchSharp.Modules.Parameter Table => buckets.weight!;

    /// <summary>The name of <see cref="Table"/> among this module's parameters (prefixed by the module's own name in a network).</summary>
    public const string TableName = "buckets.weight";

    /// <summary>
    /// The parameter names of every bag's table inside <paramref name="network"/> (as its <c>named_parameters</c> spells
    /// them): the one place that tells the tables apart, for the row-sparse optimizer and anything that inspects them.
    /// </summary>
    public static IReadOnlySet<string> TableNames(nn.Module network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return network.named_modules().Where(m => m.module is BagEmbedding)
            .Select(m => m.name.Length == 0 ? TableName : $"{m.name}.{TableName}").ToHashSet();
    }

    /// <summary>Width of the vector <see cref="forward"/> returns.</summary>
    public int Width { get; }

    /// <summary>[batch, slots] bucket ids and weights → [batch, width].</summary>
    public override Tensor forward(Tensor ids, Tensor weights)
    {
        using var scope = torch.NewDisposeScope();
        var summed = buckets.call(ids, null, weights);
        return norm.call(summed).MoveToOuterDisposeScope();
    }
}
