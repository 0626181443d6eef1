namespace DecoReg.Inference;

/// <summary>Which decoder turns an input into its predictive distribution.</summary>
public enum DecodingMethod
{
    /// <summary>Enumerate the most probable sequences with exact probabilities up to <see cref="PredictionOptions.Mass"/>.</summary>
    Exact,
    /// <summary>Prefix-sharing sampling of <see cref="SamplingOptions.Samples"/> sequences.</summary>
    PrefixSharing,
    /// <summary>Independent ancestral samples with the key/value cache.</summary>
    Sampling,
    /// <summary>Independent samples re-running the whole model every step (reference algorithm; slow).</summary>
    SamplingNoCache,
}

/// <summary>
/// How predictions are decoded. The default, exact enumeration to 0.999 of the mass, has no sampling noise and
/// cannot be wrecked by rare tail samples; sampling methods are there for large codecs and for comparison.
/// </summary>
public sealed record PredictionOptions
{
    public DecodingMethod Method { get; init; } = DecodingMethod.Exact;
    /// <summary>Probability mass exact enumeration covers (at most <see cref="MaxSequences"/> per input).</summary>
    public double Mass { get; init; } = 0.999;
    public int MaxSequences { get; init; } = 4096;
    public SamplingOptions Sampling { get; init; } = new();

    public IDecodingStrategy CreateStrategy() => Method switch
    {
        DecodingMethod.Exact => new ExactEnumerator(Mass, MaxSequences),
        DecodingMethod.PrefixSharing => new PrefixSharingSampler(Sampling),
        DecodingMethod.Sampling => new AncestralSampler(Sampling),
        DecodingMethod.SamplingNoCache => new AncestralSampler(Sampling, useCache: false),
        _ => throw new DecoRegException($"unknown decoding method {Method}"),
    };
}
