namespace DecoReg.Inputs;

/// <summary>
/// What <see cref="TextColumnRule"/> measures on a column's present (non-missing) cells: how many there are, how many
/// distinct values, the fraction containing whitespace, the mean length in UTF-16 characters, and whether every one
/// is a number. Kept as a record so the train summary can print why a column was judged text.
/// </summary>
public sealed record TextColumnStats(int Count, int Distinct, double WhitespaceFraction, double MeanLength, bool AllNumeric)
{
    /// <summary>Measures <paramref name="values"/> (missing cells already left out).</summary>
    public static TextColumnStats Measure(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        int count = 0, withSpace = 0;
        long length = 0;
        bool numeric = true;
        foreach (var v in values)
        {
            count++;
            length += v.Length;
            distinct.Add(v);
            if (v.AsSpan().Trim().ContainsAny(Whitespace)) withSpace++;
            if (numeric && !Data.NumberText.TryParse(v, out _)) numeric = false;
        }
        return count == 0
            ? new TextColumnStats(0, 0, 0, 0, false)
            : new TextColumnStats(count, distinct.Count, (double)withSpace / count, (double)length / count, numeric);
    }

    private static readonly System.Buffers.SearchValues<char> Whitespace =
        System.Buffers.SearchValues.Create(" \t\r\n\u00A0\u2009\u3000");
}
