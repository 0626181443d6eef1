using DecoReg.Data;
using DecoReg.Inputs;
using DecoReg.Numbers;

namespace DecoReg.Training;

/// <summary>
/// A decoding regressor's whole training run: the hold-out (<see cref="Splits.HoldOut"/>), the input schema and
/// featurizer, the target encoding (fixed, or chosen by <see cref="ScalingSelection"/>), the networks
/// (<see cref="EnsembleTrainer"/>), and the <see cref="LearnedState"/> that records all of it.
/// </summary>
public static class RegressorTraining
{
    public static (Ensemble Ensemble, LearnedState Learned) Fit(TrainingPlan plan, Dataset train, Dataset? validation,
        IProgress<TrainingProgress>? progress, CancellationToken cancellation)
    {
        (train, validation) = Splits.HoldOut(train, validation, plan.Training.ValidationFraction, plan.Training.Seed);
        var (inputs, schema, text) = InputEncoders.Fit(plan.Inputs, train.Features);
        using var rows = new FeaturizedRows(inputs, train, validation);
        text = InputEncoders.Measured(text, inputs, rows.Encoded);
        Ensemble ensemble;
        TargetEncoding target;
        ScalingTrial[] trials = [];
        if (plan.SelectScaling)
        {
            (ensemble, target, trials) = ScalingSelection.Train(plan, inputs, rows, progress, cancellation);
        }
        else
        {
            target = TargetEncoding.Fit(plan.Codec, ScalingFor(plan, text), train.Targets);
            using var trainer = new EnsembleTrainer(plan, target, inputs, rows);
            ensemble = new Ensemble();
            try { trainer.Train(ensemble, plan.EnsembleSize, progress, cancellation); }
            catch
            {
                ensemble.Dispose();
                throw;
            }
        }
        var scaling = trials.FirstOrDefault(t => t.Chosen)?.Scaling ?? ScalingFor(plan, text);
        var learned = new LearnedState(target.Codec.Options, scaling, target.Scaler, schema, ensemble.Networks.Count, ensemble.Reports.ToArray())
        {
            Temperature = ensemble.Temperature,
            Text = text,
            ScalingTrials = trials,
            TargetColumn = train.TargetColumn,
            DroppedColumns = train.DroppedColumns,
            TrainingRows = train.RowCount,
            ValidationRows = validation.RowCount,
        };
        return (ensemble, learned);
    }

    /// <summary>
    /// The scaling a plan trains with: as given, except that <see cref="TargetScaling.Auto"/> with text inputs and the
    /// normalized codec is the quantile warp. Targets read from text (sizes, costs, latencies) usually span decades, and
    /// min-max bins would put most rows into the first bin (measured on the Debian packages: bench/README.md).
    /// </summary>
    public static TargetScaling ScalingFor(TrainingPlan plan, Inputs.TextInput? text) =>
        plan.Scaling == TargetScaling.Auto && text is not null && plan.Codec.NeedsUnitInterval() ? TargetScaling.Quantile : plan.Scaling;
}
