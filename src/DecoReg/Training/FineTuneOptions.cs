namespace DecoReg.Training;

/// <summary>Which weights fine-tuning updates.</summary>
public enum FineTuneScope
{
    /// <summary>Every weight (default): the most accurate when the new task differs from pretraining.</summary>
    All,

    /// <summary>The decoder only, the encoder kept as pretrained: fewer weights to fit from few rows, and cheaper steps.</summary>
    Decoder,
}

/// <summary>
/// How a pretrained model is adapted to a task from few rows: a small learning rate (the pretrained weights are a good
/// start, a large step forgets them), small batches (a few hundred rows give only a handful of steps per epoch), a
/// larger hold-out (20 %, so early stopping sees more than a few rows) and a short patience. The n-gram bags' tables
/// learn at 30 times that rate (9e-3): the new task's n-grams mostly hash to rows pretraining trained little or never,
/// and at the network's small rate they hardly moved (held-out Debian sections, chosen on four validation sections
/// that are neither pretrained on nor reported: at n = 256 mean ρ 0.426 → 0.466 with the MLP backbone, 0.445 → 0.514
/// with the transformer, NLL lower on all four with either; ×100 was unstable; bench/README.md, "Few-shot").
/// </summary>
public sealed record FineTuneOptions
{
    public TrainingOptions Training { get; init; } = new()
    {
        Epochs = 40,
        Patience = 6,
        LearningRate = 3e-4,
        BatchSize = 32,
        WarmupFraction = 0.05,
        ValidationFraction = 0.2,
        TableLearningRateScale = 30,
    };

    public FineTuneScope Scope { get; init; } = FineTuneScope.All;

    /// <summary>
    /// Fit a softmax temperature on the hold-out after fine-tuning (<see cref="TemperatureCalibration"/>, taking the widest
    /// grid value within one standard error of the hold-out's best, since that hold-out has only 6–100 rows). A network
    /// pretrained on other tasks and adapted from a few dozen rows is over-confident on the new one (held-out Debian
    /// sections at n = 32: 90 % intervals covering 71–74 % of test rows without it); the temperature widens it. Single
    /// networks only: a mixture of several is left as it is.
    /// </summary>
    public bool CalibrateTemperature { get; init; } = true;

    public void Validate() => Training.Validate();
}

/// <summary>What a fine-tuned model was adapted from: the tasks of the pretrained model and the fine-tuning options.</summary>
public sealed record FineTuning(IReadOnlyList<string> PretrainedTasks, FineTuneOptions Options);
