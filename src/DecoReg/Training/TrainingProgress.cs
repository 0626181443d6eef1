namespace DecoReg.Training;

/// <summary>
/// One epoch's report: losses are mean cross-entropy per number token (nats). <see cref="Network"/> of
/// <see cref="Networks"/> says which network of an ensemble is training (1 of 1 for a single network).
/// </summary>
public sealed record TrainingProgress(
    int Epoch,
    int MaxEpochs,
    double TrainLoss,
    double ValidationLoss,
    bool IsBest,
    double ExamplesPerSecond,
    TimeSpan Elapsed,
    TimeSpan EstimatedRemaining)
{
    public int Network { get; init; } = 1;
    public int Networks { get; init; } = 1;
    /// <summary>Which candidate model is training when several are tried (e.g. "scaling quantile (2/2)"); else null.</summary>
    public string? Stage { get; init; }
    /// <summary>Each task's validation loss for a multi-task model (task name → mean loss); null for a single task.</summary>
    public IReadOnlyDictionary<string, double>? TaskLosses { get; init; }
}
