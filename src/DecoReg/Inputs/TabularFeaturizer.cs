using DecoReg.Data;

namespace DecoReg.Inputs;

/// <summary>
/// Turns a raw <see cref="Table"/> into <see cref="EncodedInputs"/> for the neural encoder, following a
/// <see cref="ColumnSchema"/>. Every column owns a contiguous block of ids in ONE embedding table shared by all
/// columns (blocks in schema order, disjoint): a numeric column has 2 ids [present, missing]; a categorical column
/// has [missing, unseen, level0, level1, ...]. A present numeric cell also gets the value (x − mean) / std, clipped to
/// ±<see cref="ValueClip"/> so outliers at prediction time cannot blow up activations; every other cell gets 0.
/// Columns are matched by name (order may differ). Immutable and thread-safe.
/// </summary>
public sealed class TabularFeaturizer : IInputEncoder
{
    /// <summary>Standardized values are clipped to [-ValueClip, ValueClip].</summary>
    public const float ValueClip = 10f;

    private readonly int[] blockStart;
    private readonly Dictionary<string, int>?[] levelIds;   // per column: level -> offset within the block (>= 2)

    public TabularFeaturizer(ColumnSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        schema.Validate("column schema");
        Schema = schema;
        blockStart = new int[schema.Count];
        levelIds = new Dictionary<string, int>?[schema.Count];
        long next = 0;
        for (int c = 0; c < schema.Count; c++)
        {
            var col = schema.Columns[c];
            blockStart[c] = checked((int)next);
            if (col.Kind == ColumnKind.Numeric)
            {
                next += 2;
            }
            else
            {
                var map = new Dictionary<string, int>(col.Levels.Count, StringComparer.Ordinal);
                for (int i = 0; i < col.Levels.Count; i++) map[col.Levels[i]] = 2 + i;
                levelIds[c] = map;
                next += 2 + col.Levels.Count;
            }
        }
        VocabularySize = checked((int)next);
    }

    public ColumnSchema Schema { get; }

    /// <summary>Number of feature columns (tokens per row).</summary>
    public int ColumnCount => Schema.Count;

    /// <summary>Total number of token ids over all columns: the size of the shared embedding table.</summary>
    public int VocabularySize { get; }

    /// <summary>First id of the column's block.</summary>
    public int BlockStart(int column) => blockStart[column];

    /// <summary>Number of ids in the column's block.</summary>
    public int BlockSize(int column) =>
        (column + 1 < blockStart.Length ? blockStart[column + 1] : VocabularySize) - blockStart[column];

    /// <summary>The id of a missing cell in this column.</summary>
    public int MissingId(int column) =>
        blockStart[column] + (Schema.Columns[column].Kind == ColumnKind.Numeric ? 1 : 0);

    /// <summary>The id of a present cell of a numeric column.</summary>
    public int PresentId(int column) => Schema.Columns[column].Kind == ColumnKind.Numeric
        ? blockStart[column]
        : throw new InvalidOperationException($"Column '{Schema.Columns[column].Name}' is categorical.");

    /// <summary>The id of a level not in the categorical column's level list.</summary>
    public int UnseenId(int column) => Schema.Columns[column].Kind == ColumnKind.Categorical
        ? blockStart[column] + 1
        : throw new InvalidOperationException($"Column '{Schema.Columns[column].Name}' is numeric.");

    /// <summary>The id of level <paramref name="level"/> (index into Levels) of a categorical column.</summary>
    public int LevelId(int column, int level)
    {
        var levels = Schema.Columns[column].Levels;
        if (Schema.Columns[column].Kind != ColumnKind.Categorical)
            throw new InvalidOperationException($"Column '{Schema.Columns[column].Name}' is numeric.");
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)level, (uint)levels.Count, nameof(level));
        return blockStart[column] + 2 + level;
    }

    /// <summary>Readable name of a token id, e.g. "carat:present", "cut:missing", "cut:unseen", "cut=Ideal".</summary>
    public string TokenName(int id)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)id, (uint)VocabularySize, nameof(id));
        int c = Array.BinarySearch(blockStart, id);
        if (c < 0) c = ~c - 1;
        while (c + 1 < blockStart.Length && blockStart[c + 1] == id) c++;   // defensive; blocks are never empty
        var col = Schema.Columns[c];
        int k = id - blockStart[c];
        return col.Kind == ColumnKind.Numeric
            ? $"{col.Name}:{(k == 0 ? "present" : "missing")}"
            : k switch { 0 => $"{col.Name}:missing", 1 => $"{col.Name}:unseen", _ => $"{col.Name}={col.Levels[k - 2]}" };
    }

    /// <summary>
    /// Featurizes every row. The table must have exactly the schema's columns (any order); otherwise a
    /// <see cref="DecoRegException"/> lists the missing and unexpected columns. A non-numeric cell in a numeric column
    /// is a <see cref="DecoRegException"/> naming source, row, column and value; an unknown category level is not an
    /// error (it gets the column's "unseen" id).
    /// </summary>
    public EncodedInputs Encode(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        long n = (long)table.RowCount * ColumnCount;
        if (n > Array.MaxLength) throw new DecoRegException($"{table.Source}: too many cells ({n}) to featurize at once.");
        var tokens = new long[n];
        var values = new float[n];
        EncodeInto(table, tokens, values);
        return new EncodedInputs(table.RowCount, ColumnCount, tokens, values);
    }

    /// <summary>As <see cref="Encode"/>, writing into caller-owned buffers of length RowCount × ColumnCount.</summary>
    public void EncodeInto(Table table, Span<long> tokens, Span<float> values)
    {
        ArgumentNullException.ThrowIfNull(table);
        int[] map = MapColumns(table);
        int cols = ColumnCount;
        long n = (long)table.RowCount * cols;
        if (tokens.Length != n || values.Length != n)
            throw new ArgumentException($"Buffers must hold {n} cells ({table.RowCount} rows x {cols} columns).");
        var specs = Schema.Columns;
        int k = 0;
        for (int r = 0; r < table.RowCount; r++)
        {
            var row = table.Row(r);
            for (int c = 0; c < cols; c++, k++)
            {
                string? cell = row[map[c]];
                var spec = specs[c];
                int start = blockStart[c];
                if (spec.Kind == ColumnKind.Numeric)
                {
                    if (cell is null)
                    {
                        tokens[k] = start + 1;
                        values[k] = 0f;
                        continue;
                    }
                    if (!NumberText.TryParse(cell, out double x))
                        throw new DecoRegException(
                            $"{table.Source}: {table.DescribeRow(r)}, column '{spec.Name}': value '{cell}' is not a finite number; " +
                            "the column was numeric in training (culture-invariant, e.g. 12.5; empty or NA for missing).");
                    double z = (x - spec.Mean) / spec.Std;
                    tokens[k] = start;
                    values[k] = (float)Math.Clamp(z, -ValueClip, ValueClip);
                }
                else
                {
                    values[k] = 0f;
                    if (cell is null) tokens[k] = start;
                    else tokens[k] = start + (levelIds[c]!.TryGetValue(cell, out int off) ? off : 1);
                }
            }
        }
    }

    private int[] MapColumns(Table table)
    {
        var map = new int[ColumnCount];
        List<string>? missing = null;
        for (int c = 0; c < map.Length; c++)
        {
            map[c] = table.IndexOf(Schema.Columns[c].Name);
            if (map[c] < 0) (missing ??= []).Add(Schema.Columns[c].Name);
        }
        List<string>? unexpected = null;
        if (table.ColumnCount != ColumnCount || missing is not null)
        {
            foreach (var name in table.Columns)
                if (Schema.IndexOf(name) < 0) (unexpected ??= []).Add(name);
        }
        if (missing is null && unexpected is null) return map;
        var parts = new List<string>();
        if (missing is not null) parts.Add($"missing column(s) {string.Join(", ", missing.Select(m => $"'{m}'"))}");
        if (unexpected is not null) parts.Add($"unexpected column(s) {string.Join(", ", unexpected.Select(m => $"'{m}'"))}");
        throw new DecoRegException(
            $"{table.Source}: columns do not match the model's feature columns: {string.Join("; ", parts)}. " +
            $"Expected ({ColumnCount}, any order): {string.Join(", ", Schema.Columns.Select(s => $"'{s.Name}'"))}." +
            (unexpected is null ? "" : " Leave the unexpected columns out of the data (command line: --drop COL)."));
    }
}
