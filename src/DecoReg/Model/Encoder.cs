using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DecoReg.Model;

/// <summary>
/// The encoder: input embedding → pre-LayerNorm encoder layers → LayerNorm. The <see cref="InputEmbedding"/> is its
/// pluggable part (table columns today, text later); the layers only see a [batch, length, d] sequence and the
/// optional padding mask. <see cref="EncoderDecoder"/> contains one, and the baseline heads pool one, so a benchmark
/// compares heads on the same encoder. Parameter names: <c>embedding.*</c>, <c>layers.N.*</c>, <c>norm.*</c>.
/// </summary>
public sealed class Encoder : nn.Module
{
    private readonly InputEmbedding embedding;
    private readonly ModuleList<EncoderLayer> layers;
    private readonly LayerNorm norm;

    /// <summary>Creates the parameters in the order embedding, layers, norm (seeded initialization depends on it).</summary>
    public Encoder(InputEmbedding inputEmbedding, TransformerOptions options) : base(nameof(Encoder))
    {
        options.Validate();
        Options = options;
        embedding = inputEmbedding;
        layers = nn.ModuleList(Enumerable.Range(0, options.EncoderLayers).Select(_ => new EncoderLayer(options)).ToArray());
        norm = nn.LayerNorm(options.ModelDim);
        RegisterComponents();
    }

    public TransformerOptions Options { get; }

    /// <summary>
    /// Encoder states [batch, length, d], preceded by the embedding's summary tokens when it has any (the n-gram bag of
    /// text inputs, never masked); <paramref name="memoryMask"/> is [batch, 1, 1, length] (true = real) or null.
    /// </summary>
    public Tensor Encode(InputBatch input, out Tensor? memoryMask)
    {
        using var scope = torch.NewDisposeScope();
        memoryMask = input.Padding is null ? null : input.Padding.logical_not().unsqueeze(1).unsqueeze(1);
        var x = embedding.call(input);
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

    /// <summary>Mean of the encoder states over the real (non-padding) tokens and the summary token, if any: [batch, d].</summary>
    public Tensor Pool(InputBatch input)
    {
        using var scope = torch.NewDisposeScope();
        var states = Encode(input, out var mask);
        if (mask is null) return states.mean([1]).MoveToOuterDisposeScope();
        var real = mask.squeeze(1).squeeze(1).unsqueeze(-1).to_type(states.dtype);
        return ((states * real).sum(1) / real.sum(1).clamp_min(1.0)).MoveToOuterDisposeScope();
    }
}
