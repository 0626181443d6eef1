namespace DecoReg.Inference;

/// <summary>
/// How sequences are drawn: number of samples per input, temperature (applied to logits), top-k and top-p (nucleus)
/// truncation — always inside the grammar — and the seed that makes draws reproducible.
/// </summary>
public sealed record SamplingOptions
{
    public int Samples { get; init; } = 128;
    public double Temperature { get; init; } = 1.0;
    /// <summary>Keep only the k most probable tokens at each step; 0 = no limit.</summary>
    public int TopK { get; init; }
    /// <summary>Keep the smallest set of most probable tokens whose mass reaches p; 1 = no limit.</summary>
    public double TopP { get; init; } = 1.0;
    public int Seed { get; init; }

    public void Validate()
    {
        if (Samples < 1) throw new DecoRegException($"samples must be at least 1 (got {Samples})");
        if (!(Temperature > 0)) throw new DecoRegException($"temperature must be positive (got {Temperature})");
        if (TopK < 0) throw new DecoRegException($"top-k must be 0 (off) or positive (got {TopK})");
        if (!(TopP > 0 && TopP <= 1)) throw new DecoRegException($"top-p must be in (0, 1] (got {TopP})");
    }
}
