namespace DecoReg.Training;

/// <summary>
/// The task of every row of a multi-task training set, as indices into <see cref="Names"/>: what task-mixed sampling
/// (<see cref="TaskMixing"/>) and per-task validation losses read.
/// </summary>
public sealed record TaskGroups(IReadOnlyList<string> Names, int[] RowTask)
{
    /// <summary>Row indices of each task, in <see cref="Names"/> order.</summary>
    public long[][] Rows()
    {
        var rows = Names.Select(_ => new List<long>()).ToArray();
        for (int r = 0; r < RowTask.Length; r++) rows[RowTask[r]].Add(r);
        return rows.Select(r => r.ToArray()).ToArray();
    }

    /// <summary>The rows' tasks under <paramref name="targets"/>; null for a single-task model.</summary>
    public static TaskGroups? Of(TaskTargets targets, Table features)
    {
        if (!targets.IsMultiTask) return null;
        var names = Tasks.Of(features, targets.Column!);
        var index = targets.Names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
        return new TaskGroups(targets.Names, names.Select(n => index.TryGetValue(n, out int i) ? i : throw new DecoRegException(
            $"{features.Source}: task '{n}' is unknown to this model; it serves {TaskTargets.Describe(targets.Names)}")).ToArray());
    }
}
