namespace DecoReg.Model;

/// <summary>
/// Sizes of the encoder–decoder transformer. Defaults (d_model 64, 4 heads, 2+2 layers, feed-forward 256,
/// dropout 0.2, periodic numeric embeddings) are chosen to train a UCI-sized table (≈1,000 rows) in well under a minute on 2 CPU cores while
/// matching the capacity the reference uses for such sets; larger sets can raise them.
/// </summary>
public sealed record TransformerOptions
{
    public int ModelDim { get; init; } = 64;
    public int Heads { get; init; } = 4;
    public int EncoderLayers { get; init; } = 2;
    public int DecoderLayers { get; init; } = 2;
    public int FeedForwardDim { get; init; } = 256;
    public double Dropout { get; init; } = 0.2;
    public NumericEmbedding NumericEmbedding { get; init; } = NumericEmbedding.Periodic;
    /// <summary>Frequencies per numeric column for <see cref="Model.NumericEmbedding.Periodic"/>.</summary>
    public int PeriodicFrequencies { get; init; } = 16;
    /// <summary>Standard deviation of the initial frequencies (in cycles per standard deviation of the feature).</summary>
    public double PeriodicScale { get; init; } = 0.3;

    /// <summary>Throws <see cref="DecoRegException"/> naming the first invalid size.</summary>
    public void Validate()
    {
        if (ModelDim < 4) throw new DecoRegException($"model dimension {ModelDim} is too small; expected at least 4");
        if (Heads < 1 || ModelDim % Heads != 0)
            throw new DecoRegException($"{Heads} attention heads do not divide the model dimension {ModelDim}");
        if (EncoderLayers < 1 || DecoderLayers < 1)
            throw new DecoRegException($"layer counts must be at least 1 (encoder {EncoderLayers}, decoder {DecoderLayers})");
        if (FeedForwardDim < 1) throw new DecoRegException($"feed-forward width {FeedForwardDim} must be positive");
        if (Dropout is < 0 or >= 1) throw new DecoRegException($"dropout {Dropout} must be in [0, 1)");
    }
}
