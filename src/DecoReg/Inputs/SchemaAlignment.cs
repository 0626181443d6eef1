namespace DecoReg.Inputs;

/// <summary>
/// Lines a table up with a trained model's input columns, for prediction and evaluation (the command line and a
/// server use the same rules). Left out first: the columns dropped in training (recorded in the model) when the data
/// has them, columns the caller drops, an id column the model does not use, and the target — the one named, else
/// the target column recorded in the model when the data has it, else the single data column the model does not use.
/// Any remaining mismatch is reported by the featurizer, naming the missing and unexpected columns.
/// </summary>
public sealed class SchemaAlignment(ColumnSchema schema, string? targetColumn, IReadOnlyList<string> droppedColumns)
{
    /// <summary>Feature rows to predict (a target column present in the data is ignored).</summary>
    public Table Features(Table table, string? target = null, IReadOnlyCollection<string>? drop = null, string? idColumn = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var leaveOut = LeaveOut(table, drop);
        if (idColumn is not null && schema.IndexOf(idColumn) < 0) leaveOut.Add(idColumn);
        target ??= RecordedTarget(table);
        if (target is not null)
        {
            if (table.HasColumn(target) && schema.IndexOf(target) < 0) leaveOut.Add(target);
        }
        else
        {
            var extra = Unused(table, leaveOut);
            bool noneMissing = schema.Columns.All(col => table.HasColumn(col.Name));
            if (extra.Count == 1 && noneMissing) leaveOut.Add(extra[0]); // the target column, ignored
        }
        return table.WithoutColumns(leaveOut.Distinct());
    }

    /// <summary>Features and targets to evaluate the model on.</summary>
    public Dataset Labeled(Table table, string? target = null, IReadOnlyCollection<string>? drop = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var leaveOut = LeaveOut(table, drop);
        target ??= RecordedTarget(table);
        if (target is null)
        {
            var extra = Unused(table, leaveOut);
            target = extra.Count switch
            {
                1 => extra[0],
                0 => throw new DecoRegException(
                    $"{table.Source}: no target column to evaluate against: every column is one of the model's features; name it with --target."),
                _ => throw new DecoRegException(
                    $"{table.Source}: cannot tell which column is the target; columns the model does not use: " +
                    $"{string.Join(", ", extra.Select(e => $"'{e}'"))}; name it with --target (and leave others out with --drop)."),
            };
        }
        return Dataset.FromTable(table, target, leaveOut.Where(c => c != target).Distinct().ToArray());
    }

    /// <summary>The caller's drops and the recorded ones the data has.</summary>
    private List<string> LeaveOut(Table table, IReadOnlyCollection<string>? drop)
    {
        var leaveOut = new List<string>(drop ?? []);
        leaveOut.AddRange(droppedColumns.Where(d => table.HasColumn(d) && schema.IndexOf(d) < 0));
        return leaveOut;
    }

    private string? RecordedTarget(Table table) =>
        targetColumn is { } t && table.HasColumn(t) && schema.IndexOf(t) < 0 ? t : null;

    private List<string> Unused(Table table, IEnumerable<string> leaveOut)
    {
        var skip = new HashSet<string>(leaveOut, StringComparer.Ordinal);
        foreach (var d in skip) table.ColumnIndex(d); // a typo in --drop names the columns found
        return table.Columns.Where(c => schema.IndexOf(c) < 0 && !skip.Contains(c)).ToList();
    }
}
