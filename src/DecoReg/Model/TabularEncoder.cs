using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DecoReg.Model;

/// <summary>
/// The encoder half of <see cref="EncoderDecoder"/> as a module of its own: input embedding → pre-LayerNorm encoder
/// layers → LayerNorm, built exactly as the decoding regressor builds its encoder (same layer type, same options, same
/// parameter names <c>embedding.*</c>, <c>encoder.N.*</c>, <c>encoderNorm.*</c>). Baseline heads put a small head on
/// its pooled output, so a benchmark compares heads on the same encoder. Both modules run
/// <see cref="Run"/>, the one implementation of the encoder's forward pass.
/// </summary>
public sealed class TabularEncoder : nn.Module
{
    private readonly InputEmbedding embedding;
    private readonly ModuleList<EncoderLayer> encoder;
    private readonly LayerNorm encoderNorm;

    public TabularEncoder(InputEmbedding inputEmbedding, TransformerOptions options) : base(nameof(TabularEncoder))
    {
        options.Validate();
        Options = options;
        embedding = inputEmbedding;
        encoder = nn.ModuleList(Enumerable.Range(0, options.EncoderLayers).Select(_ => new EncoderLayer(options)).ToArray());
        encoderNorm = nn.LayerNorm(options.ModelDim);
        RegisterComponents();
    }

    public TransformerOptions Options { get; }

    /// <summary>Encoder states [batch, length, d]; <paramref name="memoryMask"/> is [batch, 1, 1, length] (true = real) or null.</summary>
    public Tensor Encode(InputBatch input, out Tensor? memoryMask) => Run(embedding, encoder, encoderNorm, input, out memoryMask);

    /// <summary>Mean of the encoder states over the real (non-padding) tokens: [batch, d].</summary>
    public Tensor Pool(InputBatch input)
    {
        using var scope = torch.NewDisposeScope();
        var states = Encode(input, out _);
        if (input.Padding is null) return states.mean([1]).MoveToOuterDisposeScope();
        var real = input.Padding.logical_not().unsqueeze(-1).to_type(states.dtype);
        return ((states * real).sum(1) / real.sum(1).clamp_min(1.0)).MoveToOuterDisposeScope();
    }

    /// <summary>The encoder's forward pass, shared with <see cref="EncoderDecoder"/>.</summary>
    internal static Tensor Run(InputEmbedding embedding, ModuleList<EncoderLayer> layers, LayerNorm norm, InputBatch input, out Tensor? memoryMask)
    {
        using var scope = torch.NewDisposeScope();
        memoryMask = input.Padding is null ? null : input.Padding.logical_not().unsqueeze(1).unsqueeze(1);
        var x = embedding.call(input);
        foreach (var layer in layers) x = layer.Forward(x, memoryMask);
        memoryMask?.MoveToOuterDisposeScope();
        return norm.call(x).MoveToOuterDisposeScope();
    }
}
