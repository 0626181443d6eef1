using DecoReg.Cli.Commands;
using DecoReg.Data;
using DecoReg.Inputs;

namespace DecoReg.Cli;

/// <summary>
/// Reads the data given to predict/evaluate and lines it up with a trained model through the library's
/// <see cref="SchemaAlignment"/> (recorded target and dropped columns, --target, --drop, --id). uci: data is read as
/// its split's rows with the recorded drops applied.
/// </summary>
public static class ModelData
{
    /// <summary>Feature rows to predict (a target column present in the data is ignored), and their row ids.</summary>
    public static (Table Features, string[] Ids) Features(DecodingRegressor model, DataSettings s, string? idColumn)
    {
        string spec = s.RequireData();
        if (TableLoader.IsUci(spec))
        {
            if (idColumn is not null) throw new DecoRegException($"{spec}: --id applies to table files only.");
            var data = LoadUci(model, s, spec);
            return (data.Features, RowIds(data.Features));
        }
        s.UciSelection(spec, UciPart.Test);
        var table = TableLoader.ReadTable(spec);
        string[]? ids = null;
        if (idColumn is not null)
        {
            int c = table.ColumnIndex(idColumn);
            ids = Enumerable.Range(0, table.RowCount).Select(r => table.Cell(r, c) ?? "").ToArray();
        }
        var features = Alignment(model).Features(table, s.Target, s.Drop, idColumn);
        return (features, ids ?? RowIds(features));
    }

    /// <summary>Features and targets to evaluate the model on.</summary>
    public static Dataset Labeled(DecodingRegressor model, DataSettings s)
    {
        string spec = s.RequireData();
        if (TableLoader.IsUci(spec)) return LoadUci(model, s, spec);
        s.UciSelection(spec, UciPart.Test);
        return Alignment(model).Labeled(TableLoader.ReadTable(spec), s.Target, s.Drop);
    }

    /// <summary>1-based row numbers in the source (CSV data row, JSON Lines line, UCI data.txt line, Parquet row).</summary>
    public static string[] RowIds(Table t) =>
        Enumerable.Range(0, t.RowCount).Select(r => t.SourceRowNumber(r).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    private static SchemaAlignment Alignment(DecodingRegressor model) =>
        new(model.Schema, model.TargetColumn, model.Learned.DroppedColumns);

    private static Dataset LoadUci(DecodingRegressor model, DataSettings s, string spec)
    {
        var (split, part) = s.UciSelection(spec, UciPart.Test);
        if (s.Target is not null)
            throw new DecoRegException($"'{spec}': a UCI folder's target is fixed by index_target.txt; leave out --target.");
        var drop = s.Drop.Concat(model.Learned.DroppedColumns.Where(d => model.Schema.IndexOf(d) < 0)).Distinct().ToArray();
        return TableLoader.LoadDataset(spec, null, drop, split, part);
    }
}
