using DecoReg.Data;
using DecoReg.Inputs;
using DecoReg.Numbers;

namespace DecoReg.Training;

/// <summary>
/// A decoding regressor's whole training run: the hold-out (<see cref="Splits.HoldOut"/>), the input schema and
/// featurizer, the data-size defaults (<see cref="DefaultCodec"/>, <see cref="LargeTables"/>, <see cref="SmallTables"/>,
/// <see cref="MemberSampling"/>), the target
/// encoding (fixed, or chosen by <see cref="ScalingSelection"/>), the networks
/// (<see cref="EnsembleTrainer"/>), and the <see cref="LearnedState"/> that records all of it.
/// </summary>
public static class RegressorTraining
{
    public static (Ensemble Ensemble, LearnedState Learned) Fit(TrainingPlan plan, Dataset train, Dataset? validation,
        IProgress<TrainingProgress>? progress, CancellationToken cancellation)
    {
        (train, validation) = plan.TaskColumn is { } column && validation is null
            ? Tasks.HoldOut(train, column, plan.Training.ValidationFraction, plan.Training.Seed)
            : Splits.HoldOut(train, validation, plan.Training.ValidationFraction, plan.Training.Seed);
        var (inputs, schema, text) = InputEncoders.Fit(plan.Inputs, train.Features);
        bool tableRows = inputs is TabularFeaturizer;
        plan = DefaultCodec.Apply(plan, train.RowCount, tableRows);   // the codec first: the scaling defaults read it
        plan = LargeTables.Apply(plan, train.RowCount, tableRows);
        plan = SmallTables.Apply(plan, train.RowCount, tableRows);
        plan = MemberSampling.Apply(plan, train.RowCount, tableRows);
        using var rows = new FeaturizedRows(inputs, train, validation);
        text = InputEncoders.Measured(text, inputs, rows.Encoded);
        Ensemble ensemble;
        TaskTargets target;
        ScalingTrial[] trials = [];
        if (plan.SelectScaling == true)
        {
            (ensemble, target, trials) = ScalingSelection.Train(plan, inputs, rows, progress, cancellation);
        }
        else
        {
            target = FitTargets(plan, ScalingFor(plan, text), train);
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
        int members = plan.Network.Resolve(tableRows).Members;
        var learned = new LearnedState(target.Codec.Options, scaling, target.First.Scaler, schema, ensemble.Networks.Count, ensemble.Reports.ToArray())
        {
            TaskColumn = target.Column,
            TaskScalers = target.Scalers,
            TaskRows = TaskRows(target, train),
            Temperature = ensemble.Temperature,
            Text = text,
            ScalingTrials = trials,
            TargetColumn = train.TargetColumn,
            DroppedColumns = train.DroppedColumns,
            TrainingRows = train.RowCount,
            ValidationRows = validation.RowCount,
            NetworkMembers = members,
            MembersPerRow = plan.Training.MembersPerRow < members ? plan.Training.MembersPerRow : 0,   // k or more: every member
        };
        return (ensemble, learned);
    }

    /// <summary>
    /// The fitted target path of a training set: one scaler and codec for a single task, one scaler per task and a
    /// shared codec for a multi-task plan (<see cref="TaskTargets.Fit"/>).
    /// </summary>
    public static TaskTargets FitTargets(TrainingPlan plan, TargetScaling scaling, Dataset train)
    {
        if (plan.TaskColumn is not { } column) return TaskTargets.Single(TargetEncoding.Fit(plan.Codec, scaling, train.Targets));
        return TaskTargets.Fit(plan.Codec, scaling, column, train.Targets, Tasks.Of(train.Features, column));
    }

    /// <summary>Rows per task of a multi-task training set (empty for one task).</summary>
    public static IReadOnlyDictionary<string, int> TaskRows(TaskTargets targets, Dataset train) =>
        targets.Column is { } column
            ? Tasks.Of(train.Features, column).GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal)
            : new Dictionary<string, int>();

    /// <summary>
    /// The scaling a plan trains with: as given, except that <see cref="TargetScaling.Auto"/> with text inputs and the
    /// normalized codec is the quantile warp. Targets read from text (sizes, costs, latencies) usually span decades, and
    /// min-max bins would put most rows into the first bin (measured on the Debian packages: bench/README.md). A
    /// multi-task plan also warps by quantiles: each task's targets then fill the codec's range the same way, so what the
    /// decoder learns about "large for its task" carries over between tasks.
    /// </summary>
    public static TargetScaling ScalingFor(TrainingPlan plan, Inputs.TextInput? text) =>
        plan.Scaling == TargetScaling.Auto && (text is not null || plan.TaskColumn is not null) && plan.Codec.NeedsUnitInterval()
            ? TargetScaling.Quantile : plan.Scaling;
}
