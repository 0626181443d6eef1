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

    /// <summary>Rows of a table (<paramref name="tableRows"/>: numeric and categorical columns only) read by the MLP backbone: what the data-size defaults tune.</summary>
    internal bool IsMlpTable(bool tableRows) => tableRows && Network.Resolve(tableRows).Backbone == BackboneKind.Mlp;

    /// <summary>
    /// A single task whose target scaling is left to the data: scaling auto, no selection asked for either way, and the
    /// normalized codec (whose bins the scaling places). <see cref="SmallTables"/> and <see cref="LargeTables"/> decide it.
    /// </summary>
    internal bool ScalingByData => Scaling == TargetScaling.Auto && SelectScaling is null && TaskColumn is null && Codec.NeedsUnitInterval();
}
