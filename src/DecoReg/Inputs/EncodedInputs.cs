namespace DecoReg.Inputs;

/// <summary>
/// Featurized rows ready to become tensors: row-major [<see cref="Rows"/> × <see cref="Columns"/>] arrays.
/// <see cref="Tokens"/> index the single embedding table shared by all columns (0..VocabularySize-1 of the
/// featurizer); <see cref="Values"/> holds the standardized value of present numeric cells and 0 elsewhere.
/// Variable-length inputs (text) pad every row to <see cref="Columns"/> positions and give each row's real length in
/// <see cref="Lengths"/>; positions at or after a row's length are padding.
/// </summary>
public sealed class EncodedInputs
{
    public EncodedInputs(int rows, int columns, long[] tokens, float[] values, int[]? lengths = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(values);
        long n = (long)rows * columns;
        if (tokens.Length != n || values.Length != n)
            throw new ArgumentException($"Expected {n} tokens and values for {rows} x {columns}, got {tokens.Length} and {values.Length}.");
        if (lengths is not null && (lengths.Length != rows || lengths.Any(l => l < 0 || l > columns)))
            throw new ArgumentException($"Expected {rows} row lengths between 0 and {columns}.", nameof(lengths));
        Rows = rows;
        Columns = columns;
        Tokens = tokens;
        Values = values;
        Lengths = lengths;
    }

    public int Rows { get; }
    public int Columns { get; }

    /// <summary>Token id per cell, row-major.</summary>
    public long[] Tokens { get; }

    /// <summary>Standardized numeric value per cell (0 for missing and categorical cells), row-major.</summary>
    public float[] Values { get; }

    /// <summary>Real (unpadded) length of each row, or null when every row fills all <see cref="Columns"/> positions.</summary>
    public int[]? Lengths { get; }

    /// <summary>
    /// Each row's n-gram bag (<see cref="Text.NgramBag"/>) as [<see cref="Rows"/> × <see cref="NgramBags.Width"/>] bucket ids
    /// (0 = padding) and weights, or null when the input has no bag.
    /// </summary>
    public NgramBags? Bags { get; init; }

    /// <summary>Rows whose text was cut to the token budget (0 for tables without text).</summary>
    public int TruncatedRows { get; init; }

    /// <summary>The token of one cell.</summary>
    public long Token(int row, int column) => Tokens[(long)row * Columns + column];

    /// <summary>The value of one cell.</summary>
    public float Value(int row, int column) => Values[(long)row * Columns + column];

    /// <summary>A new block holding the given rows in the given order (e.g. one minibatch).</summary>
    public EncodedInputs Gather(ReadOnlySpan<int> rows)
    {
        foreach (int r in rows)
            if ((uint)r >= (uint)Rows) throw new ArgumentOutOfRangeException(nameof(rows), $"Row {r} is outside 0..{Rows - 1}.");
        int[]? lengths = null;
        if (Lengths is not null)
        {
            lengths = new int[rows.Length];
            for (int i = 0; i < rows.Length; i++) lengths[i] = Lengths[rows[i]];
        }
        return new EncodedInputs(rows.Length, Columns, GatherRows(Tokens, Columns, rows), GatherRows(Values, Columns, rows), lengths)
        {
            Bags = Bags?.Gather(rows),
        };
    }

    /// <summary>The given rows, in that order, of a row-major array <paramref name="width"/> wide (rows already checked).</summary>
    internal static T[] GatherRows<T>(T[] source, int width, ReadOnlySpan<int> rows)
    {
        var result = new T[(long)rows.Length * width];
        for (int i = 0; i < rows.Length; i++) Array.Copy(source, (long)rows[i] * width, result, (long)i * width, width);
        return result;
    }
}
