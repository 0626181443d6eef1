using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DecoReg.Data;

namespace DecoReg.Inputs;

/// <summary>
/// Serializes a table row into one canonical string, RegressLM style, so a whole record can be read as text
/// (<c>--input text</c>). The text depends only on the (column name, cell) pairs, never on the file's column order
/// or on how a number was spelled:
/// <list type="bullet">
/// <item>Keys are sorted by ordinal comparison of the column names. Flattened nested objects keep their dotted names
/// (<c>{"a":{"b":1}}</c> is column <c>a.b</c>, written <c>a.b: 1</c>).</item>
/// <item>Missing cells (<c>null</c>; readers already turn empty text into missing, see <see cref="MissingValues"/>)
/// are left out entirely: no <c>key: </c> line.</item>
/// <item>A cell that is a finite number (<see cref="NumberText"/>) is written in the shortest round-trip invariant form
/// (<c>1.50</c> and <c>1.5</c> give <c>1.5</c>; <c>1e3</c> gives <c>1000</c>), except digit strings that would change
/// meaning: a leading zero (<c>007</c>, a code) or more than 15 digits (an identifier) are kept as written.</item>
/// <item><see cref="Format.Lines"/>: one <c>key: value</c> per line joined by <c>\n</c>; inside keys and values a
/// backslash is written <c>\\</c> and a line break (CR, LF or CRLF) <c>\n</c> (two characters), so every line is one
/// key.</item>
/// <item><see cref="Format.Json"/>: one compact JSON object with the same keys in the same order; numbers as JSON
/// numbers, everything else as JSON strings; non-ASCII characters unescaped.</item>
/// <item>A table with a single column (e.g. a JSON Lines file with one text field) serializes to that cell's text
/// alone, unchanged and unescaped, without a <c>key: </c> prefix (an empty string when missing), in either format.</item>
/// </list>
/// </summary>
public static class RecordText
{
    /// <summary>How a record is written.</summary>
    public enum Format
    {
        /// <summary>One <c>key: value</c> per line.</summary>
        Lines,

        /// <summary>One compact JSON object.</summary>
        Json,
    }

    /// <summary>Longest digit string (sign aside) still normalized as a number; longer ones are kept as written.</summary>
    public const int MaxNormalizedDigits = 15;

    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = true,
    };

    /// <summary>The canonical text of every row of <paramref name="table"/> (key order computed once).</summary>
    public static string[] SerializeAll(Table table, Format format = Format.Lines)
    {
        ArgumentNullException.ThrowIfNull(table);
        var order = KeyOrder(table.Columns);
        var texts = new string[table.RowCount];
        for (int r = 0; r < texts.Length; r++) texts[r] = Serialize(table.Columns, table.Row(r), order, format);
        return texts;
    }

    /// <summary>The canonical text of one row of <paramref name="table"/>.</summary>
    public static string Serialize(Table table, int row, Format format = Format.Lines)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Serialize(table.Columns, table.Row(row), format);
    }

    /// <summary>The canonical text of one record given as column names and their cells (same length; null = missing).</summary>
    public static string Serialize(IReadOnlyList<string> columns, ReadOnlySpan<string?> cells, Format format = Format.Lines)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return Serialize(columns, cells, KeyOrder(columns), format);
    }

    /// <summary>
    /// The canonical spelling of a number cell: true with the text to write when <paramref name="cell"/> is a finite
    /// number that may be normalized (see the class remarks), false for any other cell.
    /// </summary>
    public static bool TryCanonicalNumber(string cell, out string text)
    {
        ArgumentNullException.ThrowIfNull(cell);
        text = cell;
        if (!NumberText.TryParse(cell, out double value)) return false;
        var trimmed = cell.AsSpan().Trim();
        var digits = trimmed.TrimStart("+-");
        if (digits.Length > 1 && digits[0] == '0' && char.IsAsciiDigit(digits[1])) return false;    // a code: 007
        if (digits.Length > MaxNormalizedDigits && !digits.ContainsAnyExcept(AsciiDigits)) return false; // an id
        text = value.ToString("R", CultureInfo.InvariantCulture);
        return true;
    }

    private static readonly SearchValues<char> AsciiDigits = SearchValues.Create("0123456789");

    private static int[] KeyOrder(IReadOnlyList<string> columns)
    {
        var order = new int[columns.Count];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) => string.CompareOrdinal(columns[a], columns[b]));
        return order;
    }

    private static string Serialize(IReadOnlyList<string> columns, ReadOnlySpan<string?> cells, int[] order, Format format)
    {
        if (cells.Length != columns.Count)
            throw new ArgumentException($"{cells.Length} cells for {columns.Count} columns.", nameof(cells));
        if (columns.Count == 1) return cells[0] ?? "";
        return format switch
        {
            Format.Lines => AsLines(columns, cells, order),
            Format.Json => AsJson(columns, cells, order),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown record text format."),
        };
    }

    private static string AsLines(IReadOnlyList<string> columns, ReadOnlySpan<string?> cells, int[] order)
    {
        var sb = new StringBuilder();
        foreach (int c in order)
        {
            string? cell = cells[c];
            if (cell is null) continue;
            if (sb.Length > 0) sb.Append('\n');
            AppendEscaped(sb, columns[c]);
            sb.Append(": ");
            if (TryCanonicalNumber(cell, out string number)) sb.Append(number);
            else AppendEscaped(sb, cell);
        }
        return sb.ToString();
    }

    private static string AsJson(IReadOnlyList<string> columns, ReadOnlySpan<string?> cells, int[] order)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, JsonOptions))
        {
            writer.WriteStartObject();
            foreach (int c in order)
            {
                string? cell = cells[c];
                if (cell is null) continue;
                writer.WritePropertyName(columns[c]);
                if (TryCanonicalNumber(cell, out string number)) writer.WriteRawValue(number, skipInputValidation: true);
                else writer.WriteStringValue(cell);
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Appends text with '\' → "\\" and each line break (CRLF, CR or LF) → "\n".</summary>
    private static void AppendEscaped(StringBuilder sb, string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char ch = text[i];
            switch (ch)
            {
                case '\\':
                    sb.Append(@"\\");
                    break;
                case '\r':
                    sb.Append(@"\n");
                    if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                    break;
                case '\n':
                    sb.Append(@"\n");
                    break;
                default:
                    sb.Append(ch);
                    break;
            }
        }
    }
}
