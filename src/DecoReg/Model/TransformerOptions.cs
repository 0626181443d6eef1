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
    /// <summary>Decoder layers; 0 (default) = by backbone: 1 after the MLP backbone, 2 after the transformer (<see cref="Resolve"/>).</summary>
    public int DecoderLayers { get; init; }
    public int FeedForwardDim { get; init; } = 256;
    public double Dropout { get; init; } = 0.2;
    public NumericEmbedding NumericEmbedding { get; init; } = NumericEmbedding.Periodic;
    /// <summary>Frequencies per numeric column for <see cref="Model.NumericEmbedding.Periodic"/>.</summary>
    public int PeriodicFrequencies { get; init; } = 16;
    /// <summary>Standard deviation of the initial frequencies (in cycles per standard deviation of the feature).</summary>
    public double PeriodicScale { get; init; } = 0.3;

    /// <summary>
    /// Members of the efficient ensemble inside one network (TabM-style, Gorishniy et al. 2025): every weight is shared
    /// and member m only scales the embedded input by its own learned vector (initialized to random signs), so k
    /// members train together in one forward pass over k copies of each batch; a prediction is the equal-weight
    /// mixture of the members' distributions, and the likelihood that mixture's. 1 = a plain network; 0 (default) = by
    /// backbone: <see cref="DefaultMlpMembers"/> for the MLP, 1 for the transformer (<see cref="Resolve"/>); a large table
    /// trains 4 (<see cref="Training.LargeTables"/>, decided at training and recorded in the model file).
    /// </summary>
    public int Members { get; init; }

    /// <summary>Members of the MLP backbone when <see cref="Members"/> is left at 0 (measured: bench/README.md).</summary>
    public const int DefaultMlpMembers = 8;

    /// <summary>
    /// What reads the inputs (<see cref="BackboneKind"/>): the column-token transformer or TabM's MLP; Auto (default)
    /// = the MLP for table rows of numeric and categorical columns, the transformer when some input is text.
    /// </summary>
    public BackboneKind Backbone { get; init; } = BackboneKind.Auto;

    /// <summary>Hidden units of each <see cref="BackboneKind.Mlp"/> block (the blocks are <see cref="EncoderLayers"/>).</summary>
    public int MlpWidth { get; init; } = 256;

    /// <summary>Memory tokens the <see cref="BackboneKind.Mlp"/> backbone gives the decoder.</summary>
    public int MemoryTokens { get; init; } = 4;

    /// <summary>Largest <see cref="Members"/> accepted.</summary>
    public const int MaxMembers = 64;

    /// <summary>Throws <see cref="DecoRegException"/> naming the first invalid size.</summary>
    public void Validate()
    {
        if (ModelDim < 4) throw new DecoRegException($"model dimension {ModelDim} is too small; expected at least 4");
        if (Heads < 1 || ModelDim % Heads != 0)
            throw new DecoRegException($"{Heads} attention heads do not divide the model dimension {ModelDim}");
        if (EncoderLayers < 1 || DecoderLayers < 0)
            throw new DecoRegException($"layer counts must be at least 1 (encoder {EncoderLayers}, decoder {DecoderLayers}; 0 decoder layers = by backbone)");
        if (FeedForwardDim < 1) throw new DecoRegException($"feed-forward width {FeedForwardDim} must be positive");
        if (MlpWidth < 1) throw new DecoRegException($"MLP width {MlpWidth} must be positive");
        if (MemoryTokens is < 1 or > 64) throw new DecoRegException($"memory tokens must be between 1 and 64 (got {MemoryTokens})");
        if (Members is < 0 or > MaxMembers) throw new DecoRegException($"members must be between 1 and {MaxMembers}, or 0 for the backbone's default (got {Members})");
        if (Dropout is < 0 or >= 1) throw new DecoRegException($"dropout {Dropout} must be in [0, 1)");
    }

    /// <summary>
    /// The sizes a network is built with, every by-backbone choice made: for <paramref name="tableRows"/> (numeric and
    /// categorical column tokens only) Auto is the MLP backbone, else the transformer (the MLP cannot read text); then
    /// 0 members and 0 decoder layers take the backbone's defaults. Deterministic, so a model file's options rebuild
    /// the same network.
    /// </summary>
    public TransformerOptions Resolve(bool tableRows)
    {
        var backbone = Backbone != BackboneKind.Auto ? Backbone : tableRows ? BackboneKind.Mlp : BackboneKind.Transformer;
        bool mlp = backbone == BackboneKind.Mlp;
        return this with
        {
            Backbone = backbone,
            Members = Members > 0 ? Members : mlp ? DefaultMlpMembers : 1,
            DecoderLayers = DecoderLayers > 0 ? DecoderLayers : mlp ? 1 : 2,
        };
    }
}
