namespace DecoReg.Data;

/// <summary>
/// A named, in-memory table of raw text cells, as read from a file, before any typing. Cells are
/// <c>string?</c>; <c>null</c> means missing (see <see cref="MissingValues"/> for which text readers turn into
/// <c>null</c>). Immutable once built: <see cref="Select"/> and <c>WithoutColumns</c> return new tables that
/// share row arrays where they can. Each row remembers its number in the source so errors found later (target
/// parsing, featurizing) can still name the file and the row.
/// </summary>
public sealed class Table
{
    private readonly string?[][] rows;
    private readonly int[]? sourceRows;        // 1-based row numbers in the source; null => row index + 1
    private readonly Dictionary<string, int> index;

    /// <summary>Builds a table. Every row must have exactly <paramref name="columns"/>.Count cells; column names must
    /// be unique (case-sensitive). <paramref name="sourceRowNumbers"/>, if given, holds each row's 1-based number in
    /// the source in the <paramref name="numbering"/> scheme.</summary>
    public Table(string source, IReadOnlyList<string> columns, IReadOnlyList<string?[]> rows,
        RowNumbering numbering = RowNumbering.InMemory, IReadOnlyList<int>? sourceRowNumbers = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        Source = source;
        Numbering = numbering;
        var cols = columns.ToArray();
        this.index = new Dictionary<string, int>(cols.Length, StringComparer.Ordinal);
        for (int c = 0; c < cols.Length; c++)
        {
            if (cols[c] is null) throw new DecoRegException($"{source}: column {c + 1} has no name.");
            if (!this.index.TryAdd(cols[c], c))
                throw new DecoRegException(
                    $"{source}: duplicate column name '{cols[c]}' (columns {this.index[cols[c]] + 1} and {c + 1}); column names must be unique.");
        }
        Columns = cols;
        this.rows = rows as string?[][] ?? rows.ToArray();
        for (int r = 0; r < this.rows.Length; r++)
        {
            if (this.rows[r] is null || this.rows[r].Length != cols.Length)
                throw new DecoRegException(
                    $"{source}: row {r + 1} has {this.rows[r]?.Length ?? 0} cells, expected {cols.Length} (one per column).");
        }
        if (sourceRowNumbers is not null)
        {
            if (sourceRowNumbers.Count != this.rows.Length)
                throw new ArgumentException("One source row number per row is required.", nameof(sourceRowNumbers));
            this.sourceRows = sourceRowNumbers.ToArray();
        }
    }

    private Table(string source, string[] columns, Dictionary<string, int> index, string?[][] rows,
        RowNumbering numbering, int[]? sourceRows)
    {
        Source = source;
        Columns = columns;
        this.index = index;
        this.rows = rows;
        Numbering = numbering;
        this.sourceRows = sourceRows;
    }

    /// <summary>Where the table came from (file path or a description); used in error messages.</summary>
    public string Source { get; }

    /// <summary>Column names in order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>How <see cref="SourceRowNumber"/> relates to the source.</summary>
    public RowNumbering Numbering { get; }

    public int RowCount => this.rows.Length;

    public int ColumnCount => Columns.Count;

    /// <summary>The raw cell; <c>null</c> = missing.</summary>
    public string? Cell(int row, int col) => this.rows[row][col];

    /// <summary>One row's cells (do not modify).</summary>
    public ReadOnlySpan<string?> Row(int row) => this.rows[row];

    /// <summary>The row's 1-based number in the source (see <see cref="Numbering"/>).</summary>
    public int SourceRowNumber(int row) => this.sourceRows is null ? row + 1 : this.sourceRows[row];

    /// <summary>Human-readable location of a row for error messages, e.g. "data row 12 (1-based, header not counted)".</summary>
    public string DescribeRow(int row)
    {
        int n = SourceRowNumber(row);
        return Numbering switch
        {
            RowNumbering.DataRowAfterHeader => $"data row {n} (1-based, header not counted)",
            RowNumbering.FileLine => $"line {n}",
            RowNumbering.ArrayItem => $"item [{n - 1}]",
            _ => $"row {n} (1-based)",
        };
    }

    /// <summary>True if a column of this exact (case-sensitive) name exists.</summary>
    public bool HasColumn(string name) => this.index.ContainsKey(name);

    /// <summary>Index of the column, or -1.</summary>
    public int IndexOf(string name) => this.index.TryGetValue(name, out int i) ? i : -1;

    /// <summary>Index of the column; throws a <see cref="DecoRegException"/> listing the columns found if absent.</summary>
    public int ColumnIndex(string name)
    {
        if (this.index.TryGetValue(name, out int i)) return i;
        throw new DecoRegException($"{Source}: no column named '{name}' (names are case-sensitive). {DescribeColumns()}");
    }

    /// <summary>"Columns found (N): a, b, c" — for error messages (long lists are shortened).</summary>
    public string DescribeColumns() => DescribeNames("Columns found", Columns);

    internal static string DescribeNames(string label, IReadOnlyCollection<string> names, int max = 60)
    {
        var shown = names.Take(max).Select(n => $"'{n}'");
        string more = names.Count > max ? $", ... ({names.Count - max} more)" : "";
        return $"{label} ({names.Count}): {string.Join(", ", shown)}{more}.";
    }

    /// <summary>A table of the given rows (by 0-based index, in the given order, repeats allowed).</summary>
    public Table Select(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var picked = new string?[rows.Count][];
        var numbers = new int[rows.Count];
        for (int i = 0; i < picked.Length; i++)
        {
            int r = rows[i];
            if ((uint)r >= (uint)this.rows.Length)
                throw new ArgumentOutOfRangeException(nameof(rows), $"Row index {r} is outside 0..{this.rows.Length - 1}.");
            picked[i] = this.rows[r];
            numbers[i] = SourceRowNumber(r);
        }
        return new Table(Source, (string[])Columns, this.index, picked, Numbering, numbers);
    }

    /// <summary>A table without the named columns. Every name must exist (a typo is an error listing the columns).</summary>
    public Table WithoutColumns(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var drop = new HashSet<int>();
        foreach (var name in names) drop.Add(ColumnIndex(name));
        if (drop.Count == 0) return this;
        var keep = Enumerable.Range(0, ColumnCount).Where(c => !drop.Contains(c)).ToArray();
        var cols = keep.Select(c => Columns[c]).ToArray();
        var index = new Dictionary<string, int>(cols.Length, StringComparer.Ordinal);
        for (int c = 0; c < cols.Length; c++) index[cols[c]] = c;
        var rows = new string?[this.rows.Length][];
        for (int r = 0; r < rows.Length; r++)
        {
            var src = this.rows[r];
            var dst = new string?[keep.Length];
            for (int c = 0; c < keep.Length; c++) dst[c] = src[keep[c]];
            rows[r] = dst;
        }
        return new Table(Source, cols, index, rows, Numbering, this.sourceRows);
    }

    /// <inheritdoc cref="WithoutColumns(IEnumerable{string})"/>
    public Table WithoutColumns(params string[] names) => WithoutColumns((IEnumerable<string>)names);

    public override string ToString() => $"{Source} ({RowCount} rows x {ColumnCount} columns)";
}
