using DecoReg.Inference;
using DecoReg.Inputs;
using DecoReg.Model;
using DecoReg.Training;

namespace DecoReg;

/// <summary>
/// Everything the user decides about a <see cref="DecodingRegressor"/>: the number codec, target scaling, network
/// sizes, training and default decoding. Stored unchanged in the model file; what training learned (the fitted codec
/// range, scaler, temperature, …) is a separate <see cref="LearnedState"/>.
/// </summary>
public sealed record RegressorOptions
{
    /// <summary>
    /// The number codec. Null (default): by data (<see cref="DefaultCodec"/>): normalized tokens, base 10, over the
    /// training range widened by 10 % on each side, with 3 digits (1,000 bins) for a single-task table read by the MLP
    /// backbone from 2,000 training rows, where the bins rather than the rows limit the likelihood, and 2 digits (100
    /// bins) otherwise. The codec trained with is <c>LearnedState.Codec</c>.
    /// </summary>
    public CodecOptions? Codec { get; init; }
    public TargetScaling Scaling { get; init; } = TargetScaling.Auto;

    /// <summary>
    /// Start training with <see cref="TargetScaling.Auto"/> and with <see cref="TargetScaling.Quantile"/> on the same rows
    /// and hold-out, compare their hold-out negative log-likelihood in target units after a quarter of the epochs and
    /// train only the lower one on (about 1.25× the training time; <see cref="ScalingSelection"/>). The kept scaling is <see cref="DecodingRegressor.Scaling"/> and
    /// both scores are <see cref="DecodingRegressor.ScalingTrials"/>. Null (default): by data, on for single-task
    /// tables under 5,000 training rows read by the MLP backbone with the normalized codec and <see cref="Scaling"/> at
    /// Auto (<see cref="SmallTables"/>), off otherwise, and such tables from 5,000 rows train with the quantile warp
    /// (<see cref="LargeTables"/>); false: never select, and Auto stays the codec's own scaling; true: always (<see cref="Scaling"/> must then be
    /// left at Auto).
    /// </summary>
    public bool? SelectScaling { get; init; }

    /// <summary>How rows are read: table columns (text columns as subwords) or the whole record as text.</summary>
    public InputOptions Inputs { get; init; } = new();

    public TransformerOptions Network { get; init; } = new();
    public TrainingOptions Training { get; init; } = new();
    public PredictionOptions Prediction { get; init; } = new();

    /// <summary>
    /// Fit a calibration temperature on the validation set after training: the output logits are divided by the
    /// temperature (from a small grid, 1 included) that minimizes the validation negative log-likelihood. Off by
    /// default: it lowers the NLL but flattens the tails, which pulls the mean toward the centre and can raise the
    /// RMSE of the mean (measurements in bench/README.md).
    /// </summary>
    public bool CalibrateTemperature { get; init; }

    /// <summary>
    /// Networks trained on the same rows and hold-out from different seeds (initialization, shuffling, dropout,
    /// jitter); predictions are the equal-weight mixture of their distributions and the likelihood is the mixture's.
    /// Costs this many times the training and decoding time (a training time limit applies to each network); buys
    /// better-calibrated uncertainty and usually accuracy. 1 = a single network.
    /// </summary>
    public int EnsembleSize { get; init; } = 1;

    /// <summary>
    /// Multi-task training (pretraining): the feature column naming each row's task. Each task gets its own target
    /// scaler (one codec and decoder serve all), tasks are mixed by <see cref="TrainingOptions.TaskSamplingPower"/>, each
    /// task is held out separately and its validation loss reported; the column stays a feature the encoder reads.
    /// Null (default): one task.
    /// </summary>
    public string? TaskColumn { get; init; }

    /// <summary>libtorch intra-op threads; 0 keeps libtorch's default (one per core).</summary>
    public int Threads { get; init; }

    /// <summary>Checks the options that are not the network's or the training loop's own.</summary>
    public void Validate()
    {
        Training.Validate();
        Network.Validate();
        Inputs.Validate();
        if (Network.Backbone == BackboneKind.Mlp && Inputs.Mode == InputMode.Text && Inputs.NgramBuckets == 0)
            throw new DecoRegException("the MLP backbone reads text through its n-gram bag; --ngram-buckets 0 leaves it nothing to read (use the transformer backbone, or auto)");
        if (EnsembleSize is < 1 or > 64) throw new DecoRegException($"ensemble size must be between 1 and 64 (got {EnsembleSize})");
        if (EnsembleSize > 1 && CalibrateTemperature)
            throw new DecoRegException("temperature calibration is for single networks; use it with an ensemble size of 1");
        if (SelectScaling == true && Scaling != TargetScaling.Auto)
            throw new DecoRegException($"scaling selection chooses the scaling itself; leave the scaling at auto (got {Scaling})");
    }

    /// <summary>The training layer's view of these options.</summary>
    internal TrainingPlan ToPlan() =>
        new(Codec ?? DefaultCodec.Coarse, Scaling, SelectScaling, Network, Training, CalibrateTemperature, EnsembleSize, Inputs, TaskColumn)
        {
            CodecByData = Codec is null,
        };
}
