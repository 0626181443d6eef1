using System.Text.Json;
using DecoReg.Data;

namespace DecoReg.Inputs;

/// <summary>
/// The typed description of a model's feature columns (names, kinds, standardization, category levels), inferred
/// once from the training features and stored inside the model file (System.Text.Json) so prediction featurizes new
/// rows exactly as training did. Columns are matched by name, so their order in later tables may differ.
/// </summary>
public sealed record ColumnSchema(IReadOnlyList<ColumnSpec> Columns)
{
    /// <summary>Default cap on the number of levels kept per categorical column.</summary>
    public const int DefaultMaxLevels = 1000;

    /// <summary>
    /// Most feature columns a model takes. Each column is one encoder token and attention over the columns costs
    /// their number squared: training time per row grows faster than the column count from about 1,000 columns, and
    /// 100,000 columns would run for hours (measurements in bench/README.md). Wider tables are refused with a
    /// <see cref="DecoRegException"/> before any training starts.
    /// </summary>
    public const int MaxColumns = 2000;

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = false };

    public int Count => Columns.Count;

    /// <summary>Index of the named column (case-sensitive), or -1.</summary>
    public int IndexOf(string name)
    {
        for (int i = 0; i < Columns.Count; i++)
            if (Columns[i].Name == name) return i;
        return -1;
    }

    /// <summary>The schema of a whole record read as text: every feature column a text field (its values are not typed).</summary>
    public static ColumnSchema WholeText(Table features) => new(features.Columns.Select(ColumnSpec.Text).ToArray());

    /// <summary>
    /// Infers the schema from training features. A column is numeric if every present cell is a finite
    /// culture-invariant number (<see cref="NumberText"/>), otherwise categorical. Numeric: mean and population
    /// standard deviation of the present values (a constant column gets Std = 1). Categorical: levels ordered by
    /// frequency (most frequent first; ties by first appearance), keeping at most <paramref name="maxLevels"/>; rarer
    /// levels will be featurized as "unseen". A column with every value missing, or more than <see cref="MaxColumns"/>
    /// columns, is a <see cref="DecoRegException"/> naming it.
    /// </summary>
    public static ColumnSchema Infer(Table features, int maxLevels = DefaultMaxLevels)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLevels, 1);
        if (features.ColumnCount == 0)
            throw new DecoRegException($"{features.Source}: no feature columns left to learn from.");
        if (features.RowCount == 0)
            throw new DecoRegException($"{features.Source}: no rows to infer column types from.");
        if (features.ColumnCount > MaxColumns)
            throw new DecoRegException(
                $"{features.Source}: {features.ColumnCount} feature columns; DecoReg takes at most {MaxColumns} (one encoder token per column, " +
                "attention over all of them): drop columns (--drop COL,...), reduce them to fewer features, or read each row as text (--input text).");
        var specs = new ColumnSpec[features.ColumnCount];
        for (int c = 0; c < specs.Length; c++) specs[c] = InferColumn(features, c, maxLevels);
        return new ColumnSchema(specs);
    }

    private static ColumnSpec InferColumn(Table t, int c, int maxLevels)
    {
        string name = t.Columns[c];
        long present = 0;
        double mean = 0, m2 = 0;
        bool numeric = true;
        for (int r = 0; r < t.RowCount; r++)
        {
            string? cell = t.Cell(r, c);
            if (cell is null) continue;
            present++;
            if (!numeric) continue;
            if (!NumberText.TryParse(cell, out double x)) { numeric = false; continue; }
            double d = x - mean;                    // Welford: stable for large offsets (e.g. 1.8e6)
            mean += d / present;
            m2 += d * (x - mean);
        }
        if (present == 0)
            throw new DecoRegException(
                $"{t.Source}: column '{name}' has all values missing ({t.RowCount} rows); drop the column or fill it in.");
        if (numeric)
        {
            double std = Math.Sqrt(m2 / present);
            if (!(std > 0) || !double.IsFinite(std)) std = 1.0;   // constant column: values standardize to 0
            return ColumnSpec.Numeric(name, mean, std);
        }

        var counts = new Dictionary<string, (int Count, int First)>(StringComparer.Ordinal);
        for (int r = 0; r < t.RowCount; r++)
        {
            string? cell = t.Cell(r, c);
            if (cell is null) continue;
            counts[cell] = counts.TryGetValue(cell, out var e) ? (e.Count + 1, e.First) : (1, r);
        }
        var levels = counts
            .OrderByDescending(kv => kv.Value.Count)
            .ThenBy(kv => kv.Value.First)
            .Take(maxLevels)
            .Select(kv => kv.Key)
            .ToArray();
        return ColumnSpec.Categorical(name, levels);
    }

    /// <summary>
    /// Checks a schema (e.g. one read from a model file): at least one column, unique non-empty names, numeric
    /// Mean finite and Std finite &gt; 0, categorical levels non-null and unique. Throws a
    /// <see cref="DecoRegException"/> naming <paramref name="source"/> and the column.
    /// </summary>
    public void Validate(string source)
    {
        if (Columns is null || Columns.Count == 0)
            throw new DecoRegException($"{source}: the column schema has no columns.");
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var col in Columns)
        {
            if (col is null || string.IsNullOrEmpty(col.Name))
                throw new DecoRegException($"{source}: the column schema has a column without a name.");
            if (!names.Add(col.Name))
                throw new DecoRegException($"{source}: the column schema lists column '{col.Name}' twice.");
            if (col.Kind == ColumnKind.Numeric)
            {
                if (!double.IsFinite(col.Mean) || !double.IsFinite(col.Std) || col.Std <= 0)
                    throw new DecoRegException(
                        $"{source}: numeric column '{col.Name}' has Mean {col.Mean} / Std {col.Std}; expected finite values with Std > 0.");
            }
            else if (col.Kind == ColumnKind.Categorical)
            {
                if (col.Levels is null)
                    throw new DecoRegException($"{source}: categorical column '{col.Name}' has no level list.");
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var level in col.Levels)
                    if (level is null || !seen.Add(level))
                        throw new DecoRegException(
                            $"{source}: categorical column '{col.Name}' has a null or repeated level '{level}'.");
            }
            else if (col.Kind != ColumnKind.Text)
            {
                throw new DecoRegException($"{source}: column '{col.Name}' has unknown kind '{col.Kind}'.");
            }
        }
    }

    /// <summary>Compact JSON for the model file.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Reads and validates a schema written by <see cref="ToJson"/>; <paramref name="source"/> names the
    /// model file in errors.</summary>
    public static ColumnSchema FromJson(string json, string source = "model file")
    {
        ArgumentNullException.ThrowIfNull(json);
        ColumnSchema? schema;
        try
        {
            schema = JsonSerializer.Deserialize<ColumnSchema>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new DecoRegException($"{source}: the column schema is not valid JSON: {ex.Message}", ex);
        }
        if (schema is null) throw new DecoRegException($"{source}: the column schema is empty (null).");
        schema.Validate(source);
        return schema;
    }

    /// <summary>Value equality, comparing columns element by element.</summary>
    public bool Equals(ColumnSchema? other) => other is not null && Columns.SequenceEqual(other.Columns);

    public override int GetHashCode() => Columns.Count;
}
