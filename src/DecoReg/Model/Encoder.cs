using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DecoReg.Model;

/// <summary>
/// The transformer backbone: input embedding → pre-LayerNorm encoder layers → LayerNorm. The <see cref="InputEmbedding"/> is its
/// pluggable part (table columns today, text later); the layers only see a [batch, length, d] sequence and the
/// optional padding mask. <see cref="EncoderDecoder"/> contains one, and the baseline heads pool one, so a benchmark
/// compares heads on the same encoder. Parameter names: <c>embedding.*</c>, <c>layers.N.*</c>, <c>norm.*</c>.
/// </summary>
public sealed class Encoder : Backbone
{
    private readonly InputEmbedding embedding;
    private readonly ModuleList<EncoderLayer> layers;
    private readonly LayerNorm norm;
    private readonly Parameter? memberScales;   // [members, d]: each member's scaling of the embedded input

    /// <summary>
    /// Creates the parameters in the order embedding, layers, norm, member scales (seeded initialization depends on it).
    /// <paramref name="members"/> &gt; 1 adds the efficient ensemble's per-member input scales (random signs).
    /// </summary>
    public Encoder(InputEmbedding inputEmbedding, TransformerOptions options, int members = 1) : base(nameof(Encoder), options)
    {
        options.Validate();
        embedding = inputEmbedding;
        layers = nn.ModuleList(Enumerable.Range(0, options.EncoderLayers).Select(_ => new EncoderLayer(options)).ToArray());
        norm = nn.LayerNorm(options.ModelDim);
        memberScales = MemberScales(members, options.ModelDim);
        RegisterComponents();
    }

    /// <summary>
    /// Encoder states [batch, length, d], preceded by the embedding's summary tokens when it has any (the n-gram bag of
    /// text inputs, never masked); <paramref name="memoryMask"/> is [batch, 1, 1, length] (true = real) or null.
    /// </summary>
    public override Tensor Encode(InputBatch input, out Tensor? memoryMask)
    {
        using var scope = torch.NewDisposeScope();
        memoryMask = input.Padding is null ? null : input.Padding.logical_not().unsqueeze(1).unsqueeze(1);
        var x = ScaleByMember(OncePerRow(input, embedding.call), input, memberScales);
        foreach (var layer in layers) x = layer.Forward(x, memoryMask);
        var states = norm.call(x);
        if (embedding.Summary(input) is { } summary)
        {
            states = torch.cat([summary, states], 1);
            if (memoryMask is not null)
                memoryMask = torch.cat([torch.ones(memoryMask.shape[0], 1, 1, summary.shape[1], ScalarType.Bool), memoryMask], 3);
        }
        memoryMask?.MoveToOuterDisposeScope();
        return states.MoveToOuterDisposeScope();
    }
}
