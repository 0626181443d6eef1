using DecoReg.Inputs;
using DecoReg.Model;

namespace DecoReg.Training;

/// <summary>
/// What a decoding-regressor training run is asked to do, in the training layer's own terms (the facade derives it
/// from the user's options): codec and scaling (or a hold-out choice between scalings; null: by data, <see cref="SmallTables"/>), network and loop settings,
/// temperature calibration (with the one-standard-error preference for wider temperatures that fine-tuning's small
/// hold-outs use), the number of networks, and the task column of a multi-task run (null: one task).
/// </summary>
public sealed record TrainingPlan(
    CodecOptions Codec,
    TargetScaling Scaling,
    bool? SelectScaling,
    TransformerOptions Network,
    TrainingOptions Training,
    bool CalibrateTemperature,
    int EnsembleSize,
    InputOptions Inputs,
    string? TaskColumn = null,
    bool PreferWiderTemperature = false)
{
    /// <summary>True when the user left the codec unset, so <see cref="DefaultCodec"/> decides it by data.</summary>
    public bool CodecByData { get; init; }
}
