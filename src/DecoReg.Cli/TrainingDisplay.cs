using System.Globalization;
using DecoReg.Training;
using Spectre.Console;

namespace DecoReg.Cli;

/// <summary>
/// Runs a training call while showing progress: a live Spectre progress bar (epoch, train and validation loss, ETA)
/// on an interactive terminal, else one plain line every few epochs; then a summary table.
/// </summary>
public static class TrainingDisplay
{
    /// <param name="maxEpochs">The epochs asked for, or 0 when training chooses them by data size (the first report says).</param>
    public static DecodingRegressor Train(IAnsiConsole console, Func<IProgress<TrainingProgress>, DecodingRegressor> train, int maxEpochs)
    {
        if (console.Profile.Capabilities.Interactive)
        {
            DecodingRegressor? model = null;
            console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask("training: starting", maxValue: Math.Max(1, maxEpochs));
                    model = train(new Sync(p =>
                    {
                        task.MaxValue = p.MaxEpochs;
                        task.Value = p.Epoch;
                        task.Description = Markup.Escape(Describe(p));
                    }));
                    task.Value = task.MaxValue; // early stop: the bar ends full
                });
            return model!;
        }
        return train(new Sync(p =>
        {
            int every = Math.Max(1, p.MaxEpochs / 20);
            if (p.Epoch == 1 || p.Epoch % every == 0 || p.Epoch == p.MaxEpochs)
                console.WriteLine(Describe(p));
        }));
    }

    /// <summary>
    /// "epoch 3/300  train 2.1234  valid 2.3456 *  ETA 0:01:02" (* marks a new best validation loss), prefixed with
    /// "network 2/5  " while an ensemble trains, and followed for a multi-task model by the best and worst task's
    /// validation loss (every task's is in the summary).
    /// </summary>
    public static string Describe(TrainingProgress p) => string.Create(CultureInfo.InvariantCulture,
        $"{(p.Stage is null ? "" : $"{p.Stage}  ")}{(p.Networks > 1 ? $"network {p.Network}/{p.Networks}  " : "")}epoch {p.Epoch}/{p.MaxEpochs}  train loss {p.TrainLoss:F4}  valid loss {p.ValidationLoss:F4}{(p.IsBest ? " *" : "  ")}  ETA {Time(p.EstimatedRemaining)}{Tasks(p)}");

    private static string Tasks(TrainingProgress p)
    {
        if (p.TaskLosses is not { Count: > 0 } losses) return "";
        var best = losses.MinBy(kv => kv.Value);
        var worst = losses.MaxBy(kv => kv.Value);
        return string.Create(CultureInfo.InvariantCulture, $"  {losses.Count} tasks: best {best.Key} {best.Value:F4}, worst {worst.Key} {worst.Value:F4}");
    }

    /// <summary>A multi-task model's tasks: training rows and the validation loss of the kept epoch, per task.</summary>
    public static void TaskSummary(IAnsiConsole console, DecodingRegressor model)
    {
        if (model.Tasks.Count == 0) return;
        var report = model.TrainingReport;
        var losses = report is { BestEpoch: > 0 } ? report.History[report.BestEpoch - 1].TaskLosses : null;
        var table = new Table().Title($"tasks (column '{model.Learned.TaskColumn}')").AddColumns("task", "training rows", "validation loss");
        foreach (var task in model.Tasks)
            table.AddRow(new Text(task),
                new Text(model.Learned.TaskRows.TryGetValue(task, out int rows) ? rows.ToString(CultureInfo.InvariantCulture) : "?"),
                new Text(losses is not null && losses.TryGetValue(task, out double loss) ? loss.ToString("F4", CultureInfo.InvariantCulture) : "-"));
        console.Write(table);
    }

    /// <summary>
    /// The summary table printed after training (the first network's, plus a line per figure for an ensemble, the codec
    /// and scaling used, and the hold-out scores of the scalings tried when the scaling was selected); everything but the
    /// network as built comes from what training learned.
    /// </summary>
    public static void Summary(IAnsiConsole console, TrainingReport report, LearnedState learned, DecoReg.Model.TransformerOptions network, string? modelPath)
    {
        int trainRows = learned.TrainingRows, validRows = learned.ValidationRows;
        var networks = learned.Reports;
        var scalings = learned.ScalingTrials;
        double temperature = learned.Temperature;
        var table = new Table().Title("training summary").AddColumns("", "");
        table.HideHeaders();
        void Row(string k, string v) => table.AddRow(new Text(k), new Text(v));
        Row("training rows", trainRows.ToString(CultureInfo.InvariantCulture));
        Row("validation rows", validRows.ToString(CultureInfo.InvariantCulture));
        Row("epochs run", report.History.Count.ToString(CultureInfo.InvariantCulture));
        Row("best epoch", report.BestEpoch.ToString(CultureInfo.InvariantCulture));
        Row("best validation loss", report.BestValidationLoss.ToString("F4", CultureInfo.InvariantCulture) + " nats/token");
        Row("stop reason", report.StopReason);
        var dropped = TimeSpan.FromTicks(learned.ScalingTrials.Sum(t => t.DroppedAfter.Ticks));
        Row("time", Time(report.Elapsed) + (dropped > TimeSpan.Zero ? $" (+ {Time(dropped)} on the dropped scaling candidate)" : ""));
        Row("network", string.Create(CultureInfo.InvariantCulture,
            $"{network.Backbone.ToString().ToLowerInvariant()} backbone, {network.Members} member{(network.Members == 1 ? "" : "s")}{(learned.MembersPerRow > 0 ? $" ({learned.MembersPerRow} per row in each training step)" : "")}, {network.DecoderLayers} decoder layer{(network.DecoderLayers == 1 ? "" : "s")}, d_model {network.ModelDim}"));
        if (networks.Count > 1)
        {
            Row("networks", networks.Count.ToString(CultureInfo.InvariantCulture) + " (figures above: the first)");
            Row("best epoch per network", string.Join(", ", networks.Select(r => r.BestEpoch.ToString(CultureInfo.InvariantCulture))));
            Row("best validation loss per network", string.Join(", ", networks.Select(r => r.BestValidationLoss.ToString("F4", CultureInfo.InvariantCulture))));
            Row("time, all networks", Time(TimeSpan.FromTicks(networks.Sum(r => r.Elapsed.Ticks))));
        }
        Row("target encoding", TargetEncoding(learned));
        if (scalings.Count > 0)
            Row(scalings.Max(t => t.Epochs) is > 0 and var compared ? $"target scaling (hold-out NLL after {compared} epoch{(compared == 1 ? "" : "s")})" : "target scaling (hold-out NLL)", string.Join(", ", scalings.Select(t => string.Create(CultureInfo.InvariantCulture,
                $"{t.Scaling.ToString().ToLowerInvariant()} {t.ValidationNll:F4}{(t.Chosen ? " (kept)" : "")}"))));
        if (temperature != 1.0) Row("softmax temperature", temperature.ToString("0.##", CultureInfo.InvariantCulture) + " (fitted on the hold-out)");
        if (modelPath is not null) Row("model file", modelPath);
        console.Write(table);
    }

    /// <summary>The codec and scaling training used, which the defaults choose by data (e.g. "normalized, 3 digits (1,000 bins), quantile scaling").</summary>
    private static string TargetEncoding(LearnedState learned)
    {
        string codec = learned.Codec is DecoReg.Numbers.NormalizedCodecOptions n
            ? string.Create(CultureInfo.InvariantCulture, $"normalized, base {n.Base}, {n.Digits} digits ({Math.Pow(n.Base, n.Digits):N0} bins)")
            : learned.Codec.GetType().Name.Replace("CodecOptions", "", StringComparison.Ordinal).ToLowerInvariant();
        return $"{codec}, {learned.Scaling.ToString().ToLowerInvariant()} scaling";
    }

    /// <summary>How each column was read, and for text the tokens per row and the rows cut to the budget.</summary>
    public static void Inputs(IAnsiConsole console, DecoReg.Inputs.ColumnSchema schema, DecoReg.Inputs.TextInput? text)
    {
        var groups = schema.Columns.GroupBy(c => c.Kind).Select(g =>
            $"{g.Key.ToString().ToLowerInvariant()}: {string.Join(", ", g.Select(c => c.Name))}");
        console.WriteLine(text?.TextColumns is null && text is not null
            ? $"input: whole record as text ({schema.Count} fields)"
            : $"columns: {string.Join("; ", groups)}");
        if (text is null) return;
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"text: {text.Tokenizer.Kind} vocabulary of {text.Tokenizer.VocabularySize}, {text.MeanTokens:F0} tokens per row on average, {text.TruncatedRows} training row(s) cut to {text.MaxTokens} tokens"));
    }

    public static string Time(TimeSpan t) =>
        t.TotalHours >= 1 ? t.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
        : t.TotalSeconds >= 10 ? t.ToString(@"m\:ss", CultureInfo.InvariantCulture)
        : t.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s";

    /// <summary>Reports synchronously on the training thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class Sync(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
