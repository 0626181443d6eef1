namespace DecoReg.Training;

/// <summary>
/// How a model is trained: AdamW with linear warm-up then cosine decay, gradient clipping, mini-batches, and early
/// stopping on the validation loss with the best weights restored. When no validation set is given, a seeded
/// <see cref="ValidationFraction"/> of the training rows is held out (never early-stop on the training loss).
/// </summary>
public sealed record TrainingOptions
{
    /// <summary>Maximum number of passes over the training rows.</summary>
    public int Epochs { get; init; } = 300;
    public int BatchSize { get; init; } = 64;
    public double LearningRate { get; init; } = 1e-3;
    public double WeightDecay { get; init; } = 0.01;
    /// <summary>Fraction of all optimizer steps spent warming the learning rate up linearly from 0.</summary>
    public double WarmupFraction { get; init; } = 0.03;
    /// <summary>Learning rate at the end of the cosine decay, as a fraction of <see cref="LearningRate"/>.</summary>
    public double FinalLearningRateFraction { get; init; } = 0.05;
    public double GradientClipNorm { get; init; } = 1.0;
    /// <summary>Stop after this many epochs without a better validation loss.</summary>
    public int Patience { get; init; } = 30;
    /// <summary>Held-out fraction when no validation set is given (default 10 %).</summary>
    public double ValidationFraction { get; init; } = 0.1;
    /// <summary>Seeds weight initialization, shuffling, dropout and the validation hold-out.</summary>
    public int Seed { get; init; } = 0;
    /// <summary>Optional wall-clock limit; training stops (keeping the best weights) when it is reached.</summary>
    public TimeSpan? TimeLimit { get; init; }

    public void Validate()
    {
        if (Epochs < 1) throw new DecoRegException($"epochs must be at least 1 (got {Epochs})");
        if (BatchSize < 1) throw new DecoRegException($"batch size must be at least 1 (got {BatchSize})");
        if (!(LearningRate > 0)) throw new DecoRegException($"learning rate must be positive (got {LearningRate})");
        if (WeightDecay < 0) throw new DecoRegException($"weight decay must be non-negative (got {WeightDecay})");
        if (WarmupFraction is < 0 or >= 1) throw new DecoRegException($"warm-up fraction must be in [0, 1) (got {WarmupFraction})");
        if (ValidationFraction is <= 0 or >= 1) throw new DecoRegException($"validation fraction must be in (0, 1) (got {ValidationFraction})");
        if (Patience < 1) throw new DecoRegException($"patience must be at least 1 (got {Patience})");
    }
}
