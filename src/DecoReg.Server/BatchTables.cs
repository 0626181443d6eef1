namespace DecoReg.Server;

/// <summary>Joins the aligned rows of several requests with the same columns (in any order) into one table to decode.</summary>
internal static class BatchTables
{
    /// <summary>The column set as a key: names sorted ordinally, joined by a unit separator.</summary>
    public static string ColumnKey(Table table) => string.Join('\u001f', table.Columns.Order(StringComparer.Ordinal));

    /// <summary>All rows of the tables (same column set) in order, in the first table's column order.</summary>
    public static Table Concat(IReadOnlyList<Table> tables)
    {
        if (tables.Count == 1) return tables[0];
        var columns = tables[0].Columns;
        var rows = new List<string?[]>(tables.Sum(t => t.RowCount));
        foreach (var table in tables)
        {
            var map = columns.Select(table.ColumnIndex).ToArray();
            for (int r = 0; r < table.RowCount; r++)
            {
                var source = table.Row(r);
                var row = new string?[map.Length];
                for (int c = 0; c < map.Length; c++) row[c] = source[map[c]];
                rows.Add(row);
            }
        }
        return new Table("batch", columns, rows);
    }
}
