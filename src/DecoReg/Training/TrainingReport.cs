namespace DecoReg.Training;

/// <summary>What happened in training: the per-epoch history, the epoch whose weights were kept, and why it stopped.</summary>
public sealed record TrainingReport(
    IReadOnlyList<TrainingProgress> History,
    int BestEpoch,
    double BestValidationLoss,
    string StopReason,
    TimeSpan Elapsed);
