namespace DecoReg.Training;

/// <summary>One epoch's report: losses are mean cross-entropy per number token (nats).</summary>
public sealed record TrainingProgress(
    int Epoch,
    int MaxEpochs,
    double TrainLoss,
    double ValidationLoss,
    bool IsBest,
    double ExamplesPerSecond,
    TimeSpan Elapsed,
    TimeSpan EstimatedRemaining);
