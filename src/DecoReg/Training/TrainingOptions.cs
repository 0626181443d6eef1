namespace DecoReg.Training;

/// <summary>
/// How a model is trained: AdamW with linear warm-up then cosine decay, gradient clipping, mini-batches, and early
/// stopping on the validation loss with the best weights restored. When no validation set is given, a seeded
/// <see cref="ValidationFraction"/> of the training rows is held out (never early-stop on the training loss).
/// </summary>
public sealed record TrainingOptions
{
    /// <summary>
    /// Maximum number of passes over the training rows; the learning-rate schedule spans them. 0 (default) = by data
    /// size (<see cref="Resolve"/>): about <see cref="StepBudget"/> optimizer steps, between <see cref="MinAutoEpochs"/>
    /// and <see cref="MaxAutoEpochs"/> epochs, so that a small table gets many passes, a large one few, and the cosine
    /// decay always finishes (a schedule far longer than training keeps the learning rate high to the end).
    /// </summary>
    public int Epochs { get; init; }

    /// <summary>Optimizer steps the default schedule aims at (see <see cref="Epochs"/>; measured in bench/README.md).</summary>
    public const int StepBudget = 3000;

    /// <summary>Fewest epochs of the default schedule.</summary>
    public const int MinAutoEpochs = 8;

    /// <summary>Most epochs of the default schedule.</summary>
    public const int MaxAutoEpochs = 100;
    /// <summary>Rows per mini-batch; 0 (default) = <see cref="DefaultBatchSize"/>, or <see cref="LargeTables.BatchSize"/> for a large table.</summary>
    public int BatchSize { get; init; }

    /// <summary>The batch size when none is given and no data-size rule applies.</summary>
    public const int DefaultBatchSize = 64;

    /// <summary>
    /// Peak learning rate of AdamW; 0 (default) = <see cref="DefaultLearningRate"/> × batch size / <see cref="DefaultBatchSize"/>
    /// (the linear scaling rule: 1e-3 for 64-row batches, 2e-3 for 128).
    /// </summary>
    public double LearningRate { get; init; }

    /// <summary>The learning rate for <see cref="DefaultBatchSize"/>-row batches when none is given.</summary>
    public const double DefaultLearningRate = 1e-3;
    public double WeightDecay { get; init; } = 0.01;
    /// <summary>
    /// Learning rate of the n-gram bags' tables (<see cref="Model.BagEmbedding"/>) as a multiple of
    /// <see cref="LearningRate"/> (its decoupled weight-decay step scales with it, as AdamW's does); default 1, the same
    /// rate. Fine-tuning raises it (<see cref="FineTuneOptions"/>): the
    /// pretrained network wants a small step, but the table rows of the new task's n-grams were trained little or never
    /// in pretraining. Training from scratch gains nothing from it (Debian text, ×3 and ×10: the same ρ, a worse hold-out
    /// loss; bench/README.md, "Few-shot").
    /// </summary>
    public double TableLearningRateScale { get; init; } = 1.0;
    /// <summary>Fraction of all optimizer steps spent warming the learning rate up linearly from 0.</summary>
    public double WarmupFraction { get; init; } = 0.03;
    /// <summary>Learning rate at the end of the cosine decay, as a fraction of <see cref="LearningRate"/>.</summary>
    public double FinalLearningRateFraction { get; init; } = 0.05;
    public double GradientClipNorm { get; init; } = 1.0;
    /// <summary>Stop after this many epochs without a better validation loss; 0 (default) = a fifth of the epochs, at least 3.</summary>
    public int Patience { get; init; }
    /// <summary>Held-out fraction when no validation set is given (default 10 %).</summary>
    public double ValidationFraction { get; init; } = 0.1;
    /// <summary>Seeds weight initialization, shuffling, dropout and the validation hold-out.</summary>
    public int Seed { get; init; } = 0;
    /// <summary>
    /// Target jitter for the decoder, as a fraction of the training targets' standard deviation (0 = off). Each
    /// example is trained on <see cref="TargetNoiseCopies"/> pre-encoded copies of its target (the exact one and
    /// jittered ones, y + N(0, σ²)), one drawn per step — plain cross-entropy on augmented targets, which in
    /// expectation is cross-entropy against a Gaussian-smoothed target distribution (cf. HL-Gauss). Default 0.05:
    /// the decoder no longer memorizes the last digit of each training target, so early stopping fires later and
    /// test RMSE and NLL improve on the UCI sets; 0.1 widened densities too much (measurements in bench/README.md).
    /// </summary>
    public double TargetNoise { get; init; } = 0.05;
    public int TargetNoiseCopies { get; init; } = 8;
    /// <summary>
    /// Multi-task sampling: each task is drawn with probability ∝ (its rows)^power (<see cref="TaskMixing"/>); 1 =
    /// proportional, 0 = uniform over tasks. Ignored for a single task.
    /// </summary>
    public double TaskSamplingPower { get; init; } = TaskMixing.DefaultPower;
    /// <summary>
    /// Efficient ensembles (<see cref="Model.TransformerOptions.Members"/> k &gt; 1): how many of the k members read each
    /// row in a training step, drawn per row and step without replacement (seeded); 0 (default) = by data: half of them for
    /// a single-task table under 5,000 training rows read by the MLP backbone (<see cref="MemberSampling"/>), all k otherwise. A step then costs
    /// about MembersPerRow / k of a full one; the hold-out loss, the likelihood and decoding always use every member.
    /// </summary>
    public int MembersPerRow { get; init; }
    /// <summary>Optional wall-clock limit; training stops (keeping the best weights) when it is reached.</summary>
    public TimeSpan? TimeLimit { get; init; }

    public void Validate()
    {
        if (Epochs < 0) throw new DecoRegException($"epochs must be at least 1, or 0 to choose them by data size (got {Epochs})");
        if (BatchSize < 0) throw new DecoRegException($"batch size must be at least 1, or 0 to choose it by data size (got {BatchSize})");
        if (!(LearningRate >= 0) || !double.IsFinite(LearningRate)) throw new DecoRegException($"learning rate must be positive, or 0 to scale the default with the batch size (got {LearningRate})");
        if (!(TableLearningRateScale > 0) || !double.IsFinite(TableLearningRateScale)) throw new DecoRegException($"table learning-rate scale must be positive (got {TableLearningRateScale})");
        if (WeightDecay < 0) throw new DecoRegException($"weight decay must be non-negative (got {WeightDecay})");
        if (WarmupFraction is < 0 or >= 1) throw new DecoRegException($"warm-up fraction must be in [0, 1) (got {WarmupFraction})");
        if (ValidationFraction is <= 0 or >= 1) throw new DecoRegException($"validation fraction must be in (0, 1) (got {ValidationFraction})");
        if (TargetNoise < 0 || !double.IsFinite(TargetNoise)) throw new DecoRegException($"target noise must be a non-negative fraction of the target's standard deviation (got {TargetNoise})");
        if (TargetNoiseCopies < 2) throw new DecoRegException($"target noise copies must be at least 2 (got {TargetNoiseCopies})");
        if (TaskSamplingPower is < 0 or > 1 || double.IsNaN(TaskSamplingPower)) throw new DecoRegException($"task sampling power must be in [0, 1] (got {TaskSamplingPower})");
        if (MembersPerRow < 0) throw new DecoRegException($"members per row must be at least 1, or 0 for every member (got {MembersPerRow})");
        if (Patience < 0) throw new DecoRegException($"patience must be at least 1, or 0 to choose it by epochs (got {Patience})");
    }

    /// <summary>
    /// The options a training on <paramref name="trainingRows"/> rows runs with: batch size 0 becomes
    /// <see cref="DefaultBatchSize"/>, learning rate 0 the default scaled with the batch size, 0 epochs
    /// <see cref="AutoEpochs"/> of <see cref="StepBudget"/> steps, 0 patience a fifth of the epochs (at least 3). Given
    /// values are kept.
    /// </summary>
    public TrainingOptions Resolve(int trainingRows)
    {
        int batch = BatchSize > 0 ? BatchSize : DefaultBatchSize;
        int epochs = Epochs > 0 ? Epochs : AutoEpochs(trainingRows, batch, StepBudget);
        return this with
        {
            BatchSize = batch,
            LearningRate = LearningRate > 0 ? LearningRate : DefaultLearningRate * batch / DefaultBatchSize,
            Epochs = epochs,
            Patience = Patience > 0 ? Patience : Math.Max(3, epochs / 5),
        };
    }

    /// <summary>
    /// The epochs that make about <paramref name="steps"/> optimizer steps of <paramref name="batchSize"/> rows on
    /// <paramref name="trainingRows"/> rows, clamped to [<see cref="MinAutoEpochs"/>, <see cref="MaxAutoEpochs"/>].
    /// </summary>
    public static int AutoEpochs(int trainingRows, int batchSize, int steps)
    {
        int stepsPerEpoch = Math.Max(1, (trainingRows + batchSize - 1) / batchSize);
        return Math.Clamp((steps + stepsPerEpoch - 1) / stepsPerEpoch, MinAutoEpochs, MaxAutoEpochs);
    }
}
