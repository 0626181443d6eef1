using DecoReg.Data;

namespace DecoReg.Inputs;

/// <summary>
/// Decides whether a string column is free text (tokenized into subwords) rather than categorical (one token per
/// level), from its present cells alone (<see cref="TextColumnStats"/>). A column is text when
/// <list type="number">
/// <item>at least <see cref="MinWhitespaceFraction"/> of its values contain inner whitespace and their mean length is
/// at least <see cref="MinMeanLengthWithSpaces"/> characters (sentences, descriptions, lists), or</item>
/// <item>it has more distinct values than the categorical cap (<see cref="ColumnSchema.DefaultMaxLevels"/>) and a mean
/// length of at least <see cref="MinMeanLengthManyLevels"/> (names, versions, identifiers: too many levels to learn
/// as categories, long enough to share subwords).</item>
/// </list>
/// A column whose every value is a number is never text (it is numeric), nor is an empty one.
/// <para>Measured on the shared data (see the tests): Debian packages (12,037 rows): text = package, source,
/// version, maintainer, homepage, depends, pre_depends, recommends, suggests, provides, tags, description,
/// long_description; categorical = architecture, section, priority, multi_arch. Tabular sets: diamonds cut, color,
/// clarity, every Ames categorical, check_times and stackoverflow columns stay categorical.</para>
/// </summary>
public static class TextColumnRule
{
    /// <summary>Fraction of values with inner whitespace needed by the first clause.</summary>
    public const double MinWhitespaceFraction = 0.5;

    /// <summary>Mean length (characters) needed by the first clause.</summary>
    public const double MinMeanLengthWithSpaces = 16;

    /// <summary>Mean length (characters) needed by the second clause (many distinct values).</summary>
    public const double MinMeanLengthManyLevels = 8;

    /// <summary>True if values with these statistics are text (see the class remarks).</summary>
    public static bool IsText(TextColumnStats stats, int maxLevels = ColumnSchema.DefaultMaxLevels)
    {
        ArgumentNullException.ThrowIfNull(stats);
        if (stats.Count == 0 || stats.AllNumeric) return false;
        bool sentences = stats.WhitespaceFraction >= MinWhitespaceFraction && stats.MeanLength >= MinMeanLengthWithSpaces;
        bool manyLevels = stats.Distinct > maxLevels && stats.MeanLength >= MinMeanLengthManyLevels;
        return sentences || manyLevels;
    }

    /// <summary>True if the column's present cells are text.</summary>
    public static bool IsText(Table table, int column, int maxLevels = ColumnSchema.DefaultMaxLevels) =>
        IsText(Measure(table, column), maxLevels);

    /// <summary>The statistics of the column's present cells.</summary>
    public static TextColumnStats Measure(Table table, int column)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, table.ColumnCount);
        return TextColumnStats.Measure(PresentCells(table, column));
    }

    private static IEnumerable<string> PresentCells(Table table, int column)
    {
        for (int r = 0; r < table.RowCount; r++)
            if (table.Cell(r, column) is { } cell) yield return cell;
    }
}
