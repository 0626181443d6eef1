namespace DecoReg.Numbers;

/// <summary>
/// The target path of every task a model serves: one codec (so one decoder and one grammar serve them all) and one
/// fitted scaler per task, because targets of different tasks live on different scales (KiB of documentation
/// packages, KiB of libraries; salaries in different countries). Every distribution comes back in its own task's
/// units. A single-task model is the special case of one unnamed task and no task column.
/// </summary>
public sealed class TaskTargets
{
    private readonly Dictionary<string, TargetEncoding> byTask;

    private TaskTargets(string? column, INumberCodec codec, Dictionary<string, TargetEncoding> byTask)
    {
        Column = column;
        Codec = codec;
        this.byTask = byTask;
    }

    /// <summary>The feature column naming each row's task; null for a single-task model.</summary>
    public string? Column { get; }

    public INumberCodec Codec { get; }

    public bool IsMultiTask => Column is not null;

    /// <summary>The tasks' names in order (empty for a single-task model).</summary>
    public IReadOnlyList<string> Names => IsMultiTask ? byTask.Keys.ToArray() : [];

    /// <summary>The encoding of a single-task model, or of a multi-task model's first task (what <c>LearnedState.Scaler</c> records).</summary>
    public TargetEncoding First => byTask.Values.First();

    /// <summary>Each task's fitted scaler (empty for a single-task model).</summary>
    public IReadOnlyDictionary<string, TargetScaler> Scalers =>
        IsMultiTask ? byTask.ToDictionary(kv => kv.Key, kv => kv.Value.Scaler, StringComparer.Ordinal) : new Dictionary<string, TargetScaler>();

    /// <summary>The one encoding of a single-task model.</summary>
    public static TaskTargets Single(TargetEncoding target) =>
        new(null, target.Codec, new Dictionary<string, TargetEncoding> { [""] = target });

    /// <summary>A multi-task model's encodings as stored: the codec and each task's scaler.</summary>
    public static TaskTargets FromScalers(string column, INumberCodec codec, IReadOnlyDictionary<string, TargetScaler> scalers)
    {
        if (scalers.Count == 0) throw new DecoRegException($"a multi-task model needs at least one task (task column '{column}')");
        return new(column, codec, scalers.ToDictionary(kv => kv.Key, kv => new TargetEncoding(codec, kv.Value), StringComparer.Ordinal));
    }

    /// <summary>
    /// Fits one scaler per task on that task's targets (<see cref="TargetEncoding.FitScaler"/>) and the codec's options
    /// to all tasks' warped targets together; <paramref name="tasks"/> holds each target's task.
    /// </summary>
    public static TaskTargets Fit(CodecOptions codec, TargetScaling scaling, string column, IReadOnlyList<double> targets, IReadOnlyList<string> tasks)
    {
        var (scalers, warped) = FitScalers(codec, scaling, targets, tasks);
        return FromScalers(column, codec.FitTo(warped).Create(), scalers);
    }

    /// <summary>
    /// Fits scalers for (new) tasks under an already fitted codec, as fine-tuning does: the decoder keeps its tokens and
    /// grammar, each task gets a scaler fitted on its own rows.
    /// </summary>
    public static TaskTargets FitUnder(INumberCodec codec, TargetScaling scaling, string column, IReadOnlyList<double> targets, IReadOnlyList<string> tasks) =>
        FromScalers(column, codec, FitScalers(codec.Options, scaling, targets, tasks).Scalers);

    /// <summary>A task's encoding; an unknown task is a user error listing the tasks the model serves.</summary>
    public TargetEncoding For(string? task)
    {
        if (!IsMultiTask) return byTask[""];
        if (task is not null && byTask.TryGetValue(task, out var target)) return target;
        throw new DecoRegException($"task '{task}' is unknown to this model; it serves {Describe(Names)}");
    }

    /// <summary>The encoding of each row, from its task column (every row the same for a single-task model).</summary>
    public TargetEncoding[] ForRows(Table features)
    {
        if (!IsMultiTask) return Enumerable.Repeat(byTask[""], features.RowCount).ToArray();
        return Tasks.Of(features, Column!).Select(For).ToArray();
    }

    /// <summary>
    /// Feature rows with their task: <paramref name="task"/> written into the task column when given (added or
    /// replaced); else the rows' own task column, or the model's only task when the rows lack the column. A single-task
    /// model takes no task. Errors name the tasks the model serves.
    /// </summary>
    public Table Assign(Table features, string? task)
    {
        if (!IsMultiTask)
            return task is null ? features : throw new DecoRegException($"task '{task}' given, but this model has a single task; leave the task out");
        if (task is not null)
        {
            For(task);
            return Tasks.WithTask(features, Column!, task);
        }
        if (features.HasColumn(Column!)) return features;
        if (byTask.Count == 1) return Tasks.WithTask(features, Column!, byTask.Keys.First());
        throw new DecoRegException($"{features.Source}: this model serves several tasks and the data has no task column '{Column}'; name the task (--task NAME): {Describe(Names)}");
    }

    /// <summary>"'a', 'b' and 'c'" (the first 20), for messages.</summary>
    public static string Describe(IReadOnlyList<string> names)
    {
        var shown = names.Order(StringComparer.Ordinal).Take(20).Select(n => $"'{n}'").ToList();
        string more = names.Count > shown.Count ? $" and {names.Count - shown.Count} more" : "";
        return names.Count switch
        {
            0 => "no task",
            1 => shown[0],
            _ when more.Length > 0 => string.Join(", ", shown) + more,
            _ => string.Join(", ", shown.Take(shown.Count - 1)) + " and " + shown[^1],
        } + $" (task column values)";
    }

    private static (Dictionary<string, TargetScaler> Scalers, double[] Warped) FitScalers(CodecOptions codec, TargetScaling scaling,
        IReadOnlyList<double> targets, IReadOnlyList<string> tasks)
    {
        if (tasks.Count != targets.Count) throw new ArgumentException("one task per target is required", nameof(tasks));
        var scalers = new Dictionary<string, TargetScaler>(StringComparer.Ordinal);
        var warped = new List<double>(targets.Count);
        foreach (var group in Enumerable.Range(0, targets.Count).GroupBy(i => tasks[i], StringComparer.Ordinal))
        {
            var (scaler, w) = TargetEncoding.FitScaler(codec, scaling, group.Select(i => targets[i]).ToArray());
            scalers[group.Key] = scaler;
            warped.AddRange(w);
        }
        return (scalers, [.. warped]);
    }
}
