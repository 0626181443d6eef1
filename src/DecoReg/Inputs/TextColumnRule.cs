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
/// <para>Measured on the shared data (see the tests). Debian packages, train.jsonl (12,037 rows): text by the first
/// clause = maintainer (whitespace 1.00, mean 57 chars), depends (0.89, 118), tags (0.69, 66), description (1.00, 46),
/// long_description (1.00, 327), recommends (0.60, 51), pre_depends (0.95, 28); by the second = package (12,037
/// distinct, 16.6 chars), source (6,829, 13.0), version (5,473, 10.2), homepage (6,119, 36.6), provides (1,705, 156),
/// suggests (1,884, 42); categorical = architecture (2 values), section (57), priority (5), multi_arch (3).
/// Tabular sets: every string column stays categorical — diamonds cut/color/clarity, all 40 Ames categoricals (the
/// longest, MS_SubClass, has 16 levels without spaces), stackoverflow Country (5 levels, 11 chars) and Remote, and
/// check_times package (13,626 distinct names but a mean of 7.8 chars, just under the second clause's 8).</para>
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
