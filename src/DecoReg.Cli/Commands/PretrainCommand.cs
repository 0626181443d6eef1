using System.ComponentModel;
using DecoReg.Data;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DecoReg.Cli.Commands;

/// <summary>
/// <c>decoreg pretrain</c>: trains one model on many tasks — one file per task (<c>--data A --data B …</c>, the task
/// named by the file), or the groups of a <c>--task-column</c> — with a target scaler per task, tasks mixed by size
/// and each task's validation loss reported. The model file is then fine-tuned on a new task (<c>finetune</c>) or
/// predicts for any of its tasks (<c>--task</c>). Takes every option of <c>train</c>.
/// </summary>
public sealed class PretrainCommand(IAnsiConsole console) : Command<PretrainCommand.Settings>
{
    public sealed class Settings : TrainCommand.Settings
    {
        [CommandOption("--task-column <COL>")]
        [Description("Column naming each row's task. Required with one --data file; with several files, files that lack it get their file name (default column name 'task').")]
        public string? TaskColumn { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Data.Length == 0) throw new DecoRegException($"no data given; use --data FILE once per task, or once with --task-column ({TableLoader.FormatsHelp})");
        if (settings.Data.Length == 1 && settings.TaskColumn is null)
            throw new DecoRegException($"{settings.Data[0]}: pretraining on one file needs --task-column COL naming each row's task (or give one --data file per task)");
        if (settings.Valid is not null) throw new DecoRegException("--valid: pretraining holds out --valid-fraction of every task's rows; leave --valid out");
        var options = TrainCommand.BuildOptions(settings) with { TaskColumn = settings.TaskColumn ?? Tasks.DefaultColumn };
        OutputFiles.CheckWritable(settings.Model, settings.Force, "model file");
        var train = Load(settings, options.TaskColumn!);
        foreach (var (task, rows) in Tasks.Count(train, options.TaskColumn!))
            console.WriteLine($"task {task}: {rows} rows");
        TrainCommand.Run(console, settings, options, train, null, cancellationToken);
        return ErrorHandling.Ok;
    }

    /// <summary>One file: its rows (the task column must exist). Several: joined, each file's name as its task.</summary>
    private static Dataset Load(Settings s, string column)
    {
        var parts = new List<(string Task, Dataset Data)>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in s.Data)
        {
            if (TableLoader.IsUci(file)) throw new DecoRegException($"{file}: pretrain reads table files (CSV, JSON Lines, Parquet), not uci: folders");
            var data = TableLoader.LoadDataset(file, s.Target, s.Drop);
            string task = Path.GetFileNameWithoutExtension(file);
            if (!names.Add(task)) throw new DecoRegException($"{file}: two --data files are named '{task}'; tasks are named by file, so give the files different names");
            parts.Add((task, data));
        }
        if (parts.Count == 1)
        {
            Tasks.Of(parts[0].Data.Features, column); // the column must exist and be filled
            return parts[0].Data;
        }
        return Tasks.Join(parts, column);
    }
}
