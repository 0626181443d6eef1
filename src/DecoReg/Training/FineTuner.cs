using DecoReg.Inputs;
using DecoReg.Model;

namespace DecoReg.Training;

/// <summary>
/// Adapts a pretrained model to a task from few rows: the same input encoder (tokenizer and vocabulary unchanged: text
/// the pretraining never saw still encodes through byte fallback), the same codec and decoder tokens, a scaler fitted on
/// the new task's own rows (so a new target range needs no retraining of anything else), every network of the ensemble
/// started from its pretrained weights and trained with <see cref="FineTuneOptions"/> (early stopping on a hold-out of
/// the few rows, then a softmax temperature fitted on that hold-out for a single network). Text models read whatever
/// fields the new file has; table models need the pretraining columns.
/// </summary>
public static class FineTuner
{
    public static (Ensemble Ensemble, LearnedState Learned) Fit(TrainingPlan plan, LearnedState pretrained,
        IReadOnlyList<EncoderDecoder> networks, Dataset data, string? task, FineTuneOptions options,
        IProgress<TrainingProgress>? progress, CancellationToken cancellation)
    {
        options.Validate();
        data = WithTask(pretrained, data, task);
        string? column = pretrained.TaskColumn;
        var training = options.Training;
        var (train, validation) = column is null
            ? Splits.HoldOut(data, null, training.ValidationFraction, training.Seed)
            : Tasks.HoldOut(data, column, training.ValidationFraction, training.Seed);
        var codec = pretrained.Codec.Create();
        var targets = column is null
            ? TaskTargets.Single(new TargetEncoding(codec, TargetEncoding.FitScaler(pretrained.Codec, pretrained.Scaling, train.Targets).Scaler))
            : TaskTargets.FitUnder(codec, pretrained.Scaling, column, train.Targets, Tasks.Of(train.Features, column));

        var schema = pretrained.Text is { TextColumns: null } ? ColumnSchema.WholeText(data.Features) : pretrained.Schema;
        var inputs = InputEncoders.Create(schema, pretrained.Text);
        using var rows = Featurize(inputs, train, validation, pretrained);
        var ensemble = new Ensemble();
        try
        {
            using var trainer = new EnsembleTrainer(plan with { Network = pretrained.NetworkAsBuilt(plan.Network), Training = training, CalibrateTemperature = options.CalibrateTemperature && networks.Count == 1, PreferWiderTemperature = true }, targets, inputs, rows)
            {
                Prepare = (m, network) =>
                {
                    ModuleWeights.Copy(networks[m], network);
                    if (options.Scope == FineTuneScope.Decoder) ModuleWeights.Freeze(network, "encoder.");
                },
            };
            trainer.Train(ensemble, networks.Count, progress, cancellation);
        }
        catch
        {
            ensemble.Dispose();
            throw;
        }
        var learned = pretrained with
        {
            Scaler = targets.First.Scaler,
            Schema = schema,
            Members = ensemble.Networks.Count,
            Reports = ensemble.Reports.ToArray(),
            Temperature = ensemble.Temperature,
            ScalingTrials = [],
            Text = InputEncoders.Measured(pretrained.Text, inputs, rows.Encoded),
            TargetColumn = data.TargetColumn ?? pretrained.TargetColumn,
            DroppedColumns = data.DroppedColumns,
            TrainingRows = train.RowCount,
            ValidationRows = validation.RowCount,
            TaskScalers = targets.Scalers,
            TaskRows = RegressorTraining.TaskRows(targets, train),
            FineTuned = new FineTuning(pretrained.TaskScalers.Keys.ToArray(), options),
        };
        return (ensemble, learned);
    }

    /// <summary>
    /// The rows with their task: <paramref name="task"/> written into the task column when given; a data set without the
    /// column needs the task named. A single-task model takes no task.
    /// </summary>
    private static Dataset WithTask(LearnedState pretrained, Dataset data, string? task)
    {
        if (pretrained.TaskColumn is not { } column)
        {
            if (task is not null) throw new DecoRegException($"task '{task}' given, but the pretrained model has a single task (no task column); leave the task out");
            return data;
        }
        if (task is not null) return data with { Features = Tasks.WithTask(data.Features, column, task) };
        if (!data.Features.HasColumn(column))
            throw new DecoRegException($"{data.Name}: the pretrained model reads each row's task from column '{column}', which the data lacks; name the new task (--task NAME)");
        return data;
    }

    /// <summary>The rows through the pretrained encoder; a table whose columns differ from pretraining is a clear error.</summary>
    private static FeaturizedRows Featurize(IInputEncoder inputs, Dataset train, Dataset validation, LearnedState pretrained)
    {
        try { return new FeaturizedRows(inputs, train, validation); }
        catch (DecoRegException e) when (pretrained.Text is not { TextColumns: null })
        {
            throw new DecoRegException($"{train.Name}: a table model is fine-tuned on the columns it was pretrained on " +
                $"({string.Join(", ", pretrained.Schema.Columns.Select(c => c.Name))}): {e.Message}", e);
        }
    }
}
