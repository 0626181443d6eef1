using DecoReg.Data;
using DecoReg.Inputs;
using DecoReg.Model;
using DecoReg.Training;

namespace DecoReg.Bench.FewShot;

/// <summary>
/// One data set of the few-shot suite: its task column, the tasks held out of pretraining, how rows are read, the
/// pretraining budget, its fixed train/test split, and the backbone every model of the data set uses.
/// </summary>
public sealed record FewShotSource(
    string Name, string TaskColumn, IReadOnlyList<string> HeldOut, InputMode Mode, TrainingOptions Pretraining,
    Func<string, (Dataset Train, Dataset Test)> Load)
{
    /// <summary>The backbone of every model (pretrained, fine-tuned, scratch) of this data set; the library's by default.</summary>
    public BackboneKind Backbone { get; init; } = BackboneKind.Auto;

    /// <summary>Why <see cref="Backbone"/> differs from the library's choice (for the report), or null.</summary>
    public string? BackboneReason { get; init; }

    /// <summary>The options of every model on this data set: its input mode, the given training, and a task column when pretraining.</summary>
    public RegressorOptions Options(TrainingOptions training, bool pretraining, int threads) => new()
    {
        Inputs = new InputOptions { Mode = Mode },
        TaskColumn = pretraining ? TaskColumn : null,
        Network = new TransformerOptions { Backbone = Backbone },
        Training = training,
        Threads = threads,
    };

    /// <summary>The rows of <paramref name="data"/> whose task is <paramref name="task"/>, in file order.</summary>
    public Dataset RowsOf(Dataset data, string task)
    {
        ArgumentNullException.ThrowIfNull(data);
        var tasks = Tasks.Of(data.Features, TaskColumn);
        return data.Subset(Enumerable.Range(0, data.RowCount).Where(i => tasks[i] == task).ToArray(), $"{TaskColumn} = {task}");
    }
}
