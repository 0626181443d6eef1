namespace DecoReg.Data;

/// <summary>
/// Feature rows paired with one numeric target per row: what training and evaluation consume. The features stay raw
/// text (typed later by <c>ColumnSchema</c>); targets are parsed doubles, all finite.
/// </summary>
public sealed record Dataset(Table Features, double[] Targets, string Name)
{
    /// <summary>The feature table (one row per target).</summary>
    public Table Features { get; init; } = Check(Features, Targets, Name);

    public int RowCount => Targets.Length;

    /// <summary>Name of the column the targets came from, when known (stored in model files so that prediction and
    /// evaluation can leave it out of the features or score against it).</summary>
    public string? TargetColumn { get; init; }

    /// <summary>Columns of the source left out of the features (besides the target), stored in model files so that
    /// prediction data of the same layout can leave them out again.</summary>
    public IReadOnlyList<string> DroppedColumns { get; init; } = [];

    private static Table Check(Table features, double[] targets, string name)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(name);
        if (features.RowCount != targets.Length)
            throw new ArgumentException(
                $"Dataset '{name}': {features.RowCount} feature rows but {targets.Length} targets.", nameof(targets));
        return features;
    }

    /// <summary>The given rows (0-based, in order), named "<see cref="Name"/> (<paramref name="suffix"/>)" if a
    /// suffix is given.</summary>
    public Dataset Subset(IReadOnlyList<int> rows, string? suffix = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var y = new double[rows.Count];
        for (int i = 0; i < y.Length; i++) y[i] = Targets[rows[i]];
        return new Dataset(Features.Select(rows), y, suffix is null ? Name : $"{Name} ({suffix})")
        {
            TargetColumn = TargetColumn,
            DroppedColumns = DroppedColumns,
        };
    }

    /// <summary>
    /// Splits a table into features and target. The target column is parsed culture-invariantly (e.g. "1e+05",
    /// "-3.25"); every row must hold a finite number. <paramref name="drop"/> names further columns to leave out of
    /// the features (each must exist). Errors are <see cref="DecoRegException"/>s naming the source, the row and
    /// the value, or listing the columns found.
    /// </summary>
    public static Dataset FromTable(Table table, string targetColumn, IReadOnlyCollection<string>? drop = null,
        string? name = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(targetColumn);
        if (!table.HasColumn(targetColumn))
            throw new DecoRegException(
                $"{table.Source}: target column '{targetColumn}' not found (names are case-sensitive). {table.DescribeColumns()}");
        if (drop is not null)
        {
            foreach (var d in drop)
                if (!table.HasColumn(d))
                    throw new DecoRegException(
                        $"{table.Source}: column '{d}' to drop not found (names are case-sensitive). {table.DescribeColumns()}");
        }
        int t = table.ColumnIndex(targetColumn);
        var y = new double[table.RowCount];
        for (int r = 0; r < y.Length; r++)
        {
            string? cell = table.Cell(r, t);
            if (cell is null)
                throw new DecoRegException(
                    $"{table.Source}: {table.DescribeRow(r)}: target '{targetColumn}' is missing; every row needs a numeric target.");
            if (!NumberText.TryParse(cell, out double v))
                throw new DecoRegException(
                    $"{table.Source}: {table.DescribeRow(r)}: target '{targetColumn}' value '{cell}' is not a finite number " +
                    "(expected e.g. 12.5 or 1e+05, '.' as decimal point).");
            y[r] = v;
        }
        var toDrop = new List<string> { targetColumn };
        if (drop is not null) toDrop.AddRange(drop.Where(d => d != targetColumn).Distinct());
        var features = table.WithoutColumns(toDrop);
        return new Dataset(features, y, name ?? table.Source) { TargetColumn = targetColumn, DroppedColumns = toDrop.Skip(1).ToArray() };
    }

    public override string ToString() => $"{Name}: {RowCount} rows x {Features.ColumnCount} features";
}
