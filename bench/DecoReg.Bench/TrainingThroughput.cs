using DecoReg.Inputs;
using DecoReg.Model;

namespace DecoReg.Bench;

/// <summary>
/// How fast a DecoReg training ran: examples/s (mean of the training report's per-epoch rates, first network),
/// encoder tokens per example (column tokens plus the mean text tokens after cutting, <see cref="TextInput.MeanTokens"/>)
/// and an estimate of the training FLOPs per example (<see cref="EstimateFlopsPerExample"/>), from which tokens/s and the
/// achieved GFLOP/s follow.
/// </summary>
public sealed record TrainingThroughput(double ExamplesPerSecond, double InputTokens, double FlopsPerExample)
{
    public double TokensPerSecond => ExamplesPerSecond * InputTokens;

    public double AchievedGflops => ExamplesPerSecond * FlopsPerExample / 1e9;

    /// <summary>The throughput of a trained DecoReg model; null for other methods or when no epoch was reported.</summary>
    public static TrainingThroughput? Of(Baselines.IBaseline model)
    {
        if (model is not DecodingRegressorBaseline { Model: var regressor } || regressor.TrainingReport is not { History.Count: > 0 } report)
            return null;
        double examplesPerSecond = report.History.Average(p => p.ExamplesPerSecond);
        int columnTokens = regressor.Schema.Columns.Count(c => c.Kind != ColumnKind.Text);
        double tokens = columnTokens + (regressor.Learned.Text?.MeanTokens ?? 0);
        var codec = regressor.Target.Codec;
        var network = regressor.Network;
        // The MLP reads column embeddings side by side and, for text, the n-gram bag summed into one MLP-wide vector.
        double mlpInputs = columnTokens * network.ModelDim + (regressor.Learned.Text is null ? 0 : network.MlpWidth);
        return new TrainingThroughput(examplesPerSecond, tokens,
            EstimateFlopsPerExample(network, tokens, codec.Length, codec.VocabularySize, mlpInputs));
    }

    /// <summary>
    /// Training FLOPs per example ≈ 3 × the forward pass (backward ≈ 2 × forward), the forward pass counting 2 FLOPs
    /// per multiply-add of every matrix product: with d = model width, f = feed-forward width, n encoder tokens, m number
    /// tokens and V number-token classes, each transformer encoder layer costs 2n(4d² + 2df) (projections, feed-forward)
    /// + 4n²d (attention scores and mixing); the MLP backbone 2(i·w + (L−1)w² + w·t·d) for an input vector of i units
    /// (<paramref name="mlpInputs"/>; n·d when not given: n column embeddings side by side), L blocks of w units and t
    /// memory tokens (then the decoder reads n = t tokens); each decoder layer 2m(6d² + 2df) (self-attention,
    /// cross-attention query/output, feed-forward) + 4nd² (cross-attention keys/values over the memory) + 4m²d + 4mnd;
    /// the output head 2mdV; all of it once per member of the network (<see cref="TransformerOptions.Members"/>). This is
    /// the "6 × parameters touched per token × tokens" rule plus attention's n² term; embeddings (lookups), layer norms,
    /// biases, softmax and the numeric columns' periodic embedding are left out (a few % at these sizes).
    /// </summary>
    /// <param name="network">The sizes as built (<see cref="TransformerOptions.Resolve"/>: no by-backbone choice left).</param>
    public static double EstimateFlopsPerExample(TransformerOptions network, double encoderTokens, int numberTokens, int numberVocabulary,
        double? mlpInputs = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        double d = network.ModelDim, f = network.FeedForwardDim, n = encoderTokens, m = numberTokens;
        double backbone;
        if (network.Backbone == BackboneKind.Mlp)
        {
            double w = network.MlpWidth, t = network.MemoryTokens;
            backbone = 2 * ((mlpInputs ?? n * d) * w + (network.EncoderLayers - 1) * w * w + w * t * d);
            n = t;
        }
        else backbone = network.EncoderLayers * (2 * n * (4 * d * d + 2 * d * f) + 4 * n * n * d);
        double decoderLayer = 2 * m * (6 * d * d + 2 * d * f) + 4 * n * d * d + 4 * m * m * d + 4 * m * n * d;
        double forward = backbone + network.DecoderLayers * decoderLayer + 2 * m * d * numberVocabulary;
        return 3 * Math.Max(1, network.Members) * forward;
    }
}
