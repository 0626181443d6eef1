using DecoReg.Cli.Commands;
using DecoReg.Data;

namespace DecoReg.Cli;

/// <summary>
/// Lines data up with a trained model's stored column schema. For table files the target is --target, else the
/// target column recorded in the model file when the data has it, else the single data column the model does not use. Columns given with
/// --drop (or an --id column the model does not use) are left out first; any remaining mismatch is reported by the
/// library, naming the missing and unexpected columns.
/// </summary>
public static class ModelData
{
    /// <summary>Feature rows to predict (a target column present in the data is ignored), and their row ids.</summary>
    public static (Table Features, string[] Ids) Features(DecodingRegressor model, IDataSettings s, string? idColumn)
    {
        string spec = DataOptions.RequireData(s);
        if (TableLoader.IsUci(spec))
        {
            var (split, part) = DataOptions.UciSelection(s, spec, UciPart.Test);
            if (idColumn is not null) throw new DecoRegException($"{spec}: --id applies to table files only.");
            var data = TableLoader.LoadDataset(spec, NullIfUci(s.Target, spec), s.Drop, split, part);
            return (data.Features, RowIds(data.Features));
        }
        DataOptions.UciSelection(s, spec, UciPart.Test);
        var table = TableLoader.ReadTable(spec);
        string[]? ids = null;
        var leaveOut = new List<string>(s.Drop);
        if (idColumn is not null)
        {
            int c = table.ColumnIndex(idColumn);
            ids = Enumerable.Range(0, table.RowCount).Select(r => table.Cell(r, c) ?? "").ToArray();
            if (model.Schema.IndexOf(idColumn) < 0) leaveOut.Add(idColumn);
        }
        string? target = s.Target ?? RecordedTarget(model, table);
        if (target is not null)
        {
            if (table.HasColumn(target) && model.Schema.IndexOf(target) < 0) leaveOut.Add(target);
        }
        else
        {
            var extra = Unused(model, table, leaveOut);
            bool noneMissing = model.Schema.Columns.All(col => table.HasColumn(col.Name));
            if (extra.Count == 1 && noneMissing) leaveOut.Add(extra[0]); // the target column, ignored
        }
        var features = table.WithoutColumns(leaveOut.Distinct());
        return (features, ids ?? RowIds(features));
    }

    /// <summary>Features and targets to evaluate the model on.</summary>
    public static Dataset Labeled(DecodingRegressor model, IDataSettings s)
    {
        string spec = DataOptions.RequireData(s);
        if (TableLoader.IsUci(spec))
        {
            var (split, part) = DataOptions.UciSelection(s, spec, UciPart.Test);
            return TableLoader.LoadDataset(spec, NullIfUci(s.Target, spec), s.Drop, split, part);
        }
        DataOptions.UciSelection(s, spec, UciPart.Test);
        var table = TableLoader.ReadTable(spec);
        string? target = s.Target ?? RecordedTarget(model, table);
        if (target is null)
        {
            var extra = Unused(model, table, s.Drop);
            target = extra.Count switch
            {
                1 => extra[0],
                0 => throw new DecoRegException(
                    $"{spec}: no target column to evaluate against: every column is one of the model's features; name it with --target."),
                _ => throw new DecoRegException(
                    $"{spec}: cannot tell which column is the target; columns the model does not use: " +
                    $"{string.Join(", ", extra.Select(e => $"'{e}'"))}; name it with --target (and leave others out with --drop)."),
            };
        }
        return Dataset.FromTable(table, target, s.Drop);
    }

    /// <summary>1-based row numbers in the source (CSV data row, JSON Lines line, UCI data.txt line, Parquet row).</summary>
    public static string[] RowIds(Table t) =>
        Enumerable.Range(0, t.RowCount).Select(r => t.SourceRowNumber(r).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    private static string? RecordedTarget(DecodingRegressor model, Table table) =>
        model.TargetColumn is { } t && table.HasColumn(t) && model.Schema.IndexOf(t) < 0 ? t : null;

    private static List<string> Unused(DecodingRegressor model, Table table, IEnumerable<string> leaveOut)
    {
        var skip = new HashSet<string>(leaveOut, StringComparer.Ordinal);
        foreach (var d in skip) table.ColumnIndex(d); // a typo in --drop names the columns found
        return table.Columns.Where(c => model.Schema.IndexOf(c) < 0 && !skip.Contains(c)).ToList();
    }

    private static string? NullIfUci(string? target, string spec) =>
        target is null ? null : throw new DecoRegException(
            $"'{spec}': a UCI folder's target is fixed by index_target.txt; leave out --target.");
}
