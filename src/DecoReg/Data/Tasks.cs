namespace DecoReg.Data;

/// <summary>
/// The task of every row of a multi-task data set. A task is one value of a task column (e.g. a package's
/// <c>section</c>, a survey's <c>Country</c>), or one file of several joined by <see cref="Join"/> (which writes the
/// file's name into a task column). The column stays a feature, so the encoder reads the task: as words of the record
/// in text mode (OmniPred style), as a learned category embedding in table mode.
/// </summary>
public static class Tasks
{
    /// <summary>Fewest rows a task may have: below this it cannot spare a hold-out, and its own scaler would be a guess.</summary>
    public const int MinRows = 10;

    /// <summary>The column that <see cref="Join"/> adds when the files have none.</summary>
    public const string DefaultColumn = "task";

    /// <summary>Each row's task name; a missing cell is a user error naming the row.</summary>
    public static string[] Of(Table features, string column)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (!features.HasColumn(column))
            throw new DecoRegException($"{features.Source}: task column '{column}' not found (names are case-sensitive). {features.DescribeColumns()}");
        int c = features.ColumnIndex(column);
        var result = new string[features.RowCount];
        for (int r = 0; r < result.Length; r++)
            result[r] = features.Cell(r, c) is { Length: > 0 } name ? name
                : throw new DecoRegException($"{features.Source}: {features.DescribeRow(r)}: task column '{column}' is empty; every row needs its task");
        return result;
    }

    /// <summary>Row counts per task, in first-seen order; a task under <see cref="MinRows"/> rows is a user error.</summary>
    public static IReadOnlyList<(string Name, int Rows)> Count(Dataset data, string column)
    {
        var counts = Of(data.Features, column).GroupBy(t => t, StringComparer.Ordinal).Select(g => (g.Key, g.Count())).ToArray();
        var small = counts.Where(t => t.Item2 < MinRows).ToArray();
        if (small.Length > 0)
            throw new DecoRegException($"{data.Name}: task{(small.Length > 1 ? "s" : "")} " +
                string.Join(", ", small.Select(t => $"'{t.Item1}' ({t.Item2} rows)")) +
                $" of column '{column}' ha{(small.Length > 1 ? "ve" : "s")} fewer than {MinRows} rows; each task needs at least {MinRows} " +
                "(drop those rows or merge them into a larger task)");
        return counts;
    }

    /// <summary>
    /// The seeded hold-out of a multi-task training set: <paramref name="fraction"/> of each task's rows (at least one),
    /// so every task is early-stopped and scored on its own rows (<see cref="Splits.TrainValid(int, double, int)"/> per task).
    /// </summary>
    public static (Dataset Train, Dataset Validation) HoldOut(Dataset data, string column, double fraction, int seed)
    {
        Count(data, column);
        var names = Of(data.Features, column);
        var train = new List<int>();
        var valid = new List<int>();
        foreach (var group in Enumerable.Range(0, names.Length).GroupBy(r => names[r], StringComparer.Ordinal))
        {
            var rows = group.ToArray();
            var (t, v) = Splits.TrainValid(rows.Length, fraction, seed);
            train.AddRange(t.Select(i => rows[i]));
            valid.AddRange(v.Select(i => rows[i]));
        }
        train.Sort();
        valid.Sort();
        return (data.Subset(train, "train"), data.Subset(valid, "valid"));
    }

    /// <summary>
    /// Sets the task column of feature rows to <paramref name="task"/> (added when absent, replaced when present): how
    /// rows of a file for one task are given the task the model reads.
    /// </summary>
    public static Table WithTask(Table features, string column, string task)
    {
        ArgumentNullException.ThrowIfNull(features);
        int c = features.IndexOf(column);
        var columns = c >= 0 ? features.Columns.ToArray() : [.. features.Columns, column];
        int at = c >= 0 ? c : columns.Length - 1;
        var rows = new string?[features.RowCount][];
        for (int r = 0; r < rows.Length; r++)
        {
            var row = new string?[columns.Length];
            features.Row(r).CopyTo(row);
            row[at] = task;
            rows[r] = row;
        }
        return new Table(features.Source, columns, rows, features.Numbering,
            Enumerable.Range(0, features.RowCount).Select(features.SourceRowNumber).ToArray());
    }

    /// <summary>
    /// Joins data sets (one per task, e.g. one per file) into one: the union of their feature columns (a column a file
    /// lacks is missing in its rows) plus <paramref name="column"/> holding each part's task name. Parts that already
    /// have that column keep their own values.
    /// </summary>
    public static Dataset Join(IReadOnlyList<(string Task, Dataset Data)> parts, string column = DefaultColumn)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0) throw new DecoRegException("no data sets to join; give at least one");
        var columns = new List<string>();
        foreach (var (_, data) in parts)
            foreach (var c in data.Features.Columns)
                if (!columns.Contains(c)) columns.Add(c);
        if (!columns.Contains(column)) columns.Add(column);
        var rows = new List<string?[]>();
        var targets = new List<double>();
        foreach (var (task, data) in parts)
        {
            var features = data.Features.HasColumn(column) ? data.Features : WithTask(data.Features, column, task);
            var map = columns.Select(features.IndexOf).ToArray();
            for (int r = 0; r < features.RowCount; r++)
                rows.Add(map.Select(i => i < 0 ? null : features.Cell(r, i)).ToArray());
            targets.AddRange(data.Targets);
        }
        var first = parts[0].Data;
        string name = string.Join(" + ", parts.Select(p => p.Task));
        return new Dataset(new Table(name, columns, rows), [.. targets], name)
        {
            TargetColumn = parts.Select(p => p.Data.TargetColumn).Distinct().Count() == 1 ? first.TargetColumn : null,
            DroppedColumns = parts.SelectMany(p => p.Data.DroppedColumns).Distinct().ToArray(),
        };
    }
}
