using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DecoReg.Model;

/// <summary>
/// TabM's backbone (Gorishniy et al., ICLR 2025) feeding the decoder: the row as one vector
/// (<see cref="InputEmbedding.Flat"/>: a table's column embeddings side by side, periodic numeric features included,
/// or a text's n-gram bag, <see cref="BagEmbedding"/>), scaled by the row's member vector
/// (an efficient ensemble, <see cref="TransformerOptions.Members"/>), then <see cref="TransformerOptions.EncoderLayers"/>
/// blocks Linear → ReLU → dropout of <see cref="TransformerOptions.MlpWidth"/> units, and a last linear layer that
/// becomes <see cref="TransformerOptions.MemoryTokens"/> LayerNormed memory tokens for the decoder. No attention
/// between columns: a row costs a few matrix products, so k members stay cheap.
/// </summary>
public sealed class MlpBackbone : Backbone
{
    private readonly InputEmbedding embedding;
    private readonly ModuleList<Linear> blocks;
    private readonly Linear memory;
    private readonly LayerNorm norm;
    private readonly BitDropout dropout;
    private readonly Parameter? memberScales;   // [members, flat width]
    private readonly int tokens;

    public MlpBackbone(InputEmbedding inputEmbedding, TransformerOptions options, int members = 1) : base(nameof(MlpBackbone), options)
    {
        options.Validate();
        embedding = inputEmbedding;
        int d = options.ModelDim, width = options.MlpWidth;
        long inputs = inputEmbedding.FlatWidth;
        if (inputs < 1) throw new DecoRegException("the MLP backbone reads table columns or a text's n-gram bag; this input has neither (text needs --ngram-buckets > 0, or the transformer backbone)");
        tokens = options.MemoryTokens;
        blocks = nn.ModuleList(Enumerable.Range(0, options.EncoderLayers)
            .Select(i => nn.Linear(i == 0 ? inputs : width, width)).ToArray());
        memory = nn.Linear(width, (long)tokens * d);
        norm = nn.LayerNorm(d);
        dropout = new BitDropout(options.Dropout);
        memberScales = MemberScales(members, inputs);
        RegisterComponents();
    }

    /// <summary>[batch, memory tokens, d]; never masked.</summary>
    public override Tensor Encode(InputBatch input, out Tensor? memoryMask)
    {
        using var scope = torch.NewDisposeScope();
        memoryMask = null;
        var x = ScaleByMember(OncePerRow(input, embedding.Flat), input, memberScales);
        foreach (var block in blocks) x = dropout.call(nn.functional.relu(block.call(x)));
        var states = norm.call(memory.call(x).view(x.shape[0], tokens, Options.ModelDim));
        return states.MoveToOuterDisposeScope();
    }
}
