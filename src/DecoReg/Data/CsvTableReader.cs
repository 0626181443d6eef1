using System.Globalization;
using CsvHelper;

namespace DecoReg.Data;

/// <summary>
/// Reads a delimited text file with a header row into a <see cref="Table"/> (CsvHelper, RFC 4180: quoted fields may
/// hold delimiters, doubled quotes and newlines). Culture-invariant: the separator is ',' (tab for a <c>.tsv</c> file),
/// never the machine's list separator. Header names are trimmed; cells are kept as written except that missing
/// values (<see cref="MissingValues"/>) become <c>null</c>. Blank lines are skipped. Every problem is a
/// <see cref="DecoRegException"/> naming the path: file not found, empty file, header without data rows, a row with
/// the wrong number of fields, duplicate or empty column names, malformed quoting, and a file that is not text at all
/// (a NUL character, as in any binary file, names the line). Invalid UTF-8 bytes are read as U+FFFD (counted, see
/// <see cref="Read(string, out int)"/>); an empty field is missing (for text columns too).
/// </summary>
public static class CsvTableReader
{
    /// <summary>Reads the whole file.</summary>
    public static Table Read(string path) => Read(path, out _);

    /// <summary>Reads the whole file and reports how many invalid UTF-8 sequences were replaced by U+FFFD.</summary>
    public static Table Read(string path, out int invalidUtf8Sequences)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
            throw new DecoRegException(Directory.Exists(path)
                ? $"{path}: is a directory, expected a CSV file."
                : $"{path}: file not found.");
        char separator = path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? '\t' : ',';
        try
        {
            Table table;
            using (var reader = Utf8TextFile.Open(path, out var decoding))
            {
                table = Read(reader, path, separator);
                invalidUtf8Sequences = decoding.InvalidSequences;
            }
            return table;
        }
        catch (IOException ex)
        {
            throw new DecoRegException($"{path}: cannot be read: {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new DecoRegException($"{path}: cannot be read: {ex.Message}", ex);
        }
    }

    /// <summary>Reads CSV text from a reader; <paramref name="source"/> names it in error messages.</summary>
    public static Table Read(TextReader reader, string source, char separator = ',')
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(source);
        var options = new CsvReaderOptions
        {
            Separator = separator,                          // never auto-detected
            HasHeader = true,
            Mode = CsvMode.Rfc4180,
            AllowLineBreaksInQuotes = true,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            PoolStrings = true,                             // repeated category strings share one instance
            FieldCountMismatch = CsvFieldCountHandling.Allow, // checked below with a better message
            MalformedData = CsvMalformedDataHandling.Throw,
            FormatProvider = CultureInfo.InvariantCulture,
        };
        using var csv = CsvReader.Create(reader, options, leaveOpen: true);
        try
        {
            var names = csv.Headers;
            if (names.Count == 0 || (names.Count == 1 && string.IsNullOrWhiteSpace(names[0])))
                throw new DecoRegException($"{source}: empty file; expected a header row of column names and data rows.");
            var header = new string[names.Count];
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int c = 0; c < header.Length; c++)
            {
                header[c] = (names[c] ?? "").Trim();
                RejectBinary(header[c], source, 1);
                if (header[c].Length == 0)
                    throw new DecoRegException(
                        $"{source}: header column {c + 1} has an empty name; every column needs a unique name.");
                if (!seen.TryAdd(header[c], c))
                    throw new DecoRegException(
                        $"{source}: duplicate column name '{header[c]}' in the header (columns {seen[header[c]] + 1} and {c + 1}); column names must be unique.");
            }

            var rows = new List<string?[]>();
            while (csv.Read())
            {
                int n = csv.FieldCount;
                if (n != header.Length)
                    throw new DecoRegException(
                        $"{source}: data row {rows.Count + 1} (1-based, header not counted; line {csv.LineNumber}) has {n} fields, expected {header.Length} as in the header.");
                var row = new string?[n];
                for (int c = 0; c < n; c++)
                {
                    row[c] = MissingValues.Normalize(csv.GetString(c));
                    RejectBinary(row[c], source, csv.LineNumber);
                }
                rows.Add(row);
            }
            if (rows.Count == 0)
                throw new DecoRegException($"{source}: has a header ({header.Length} columns) but no data rows.");
            return new Table(source, header, rows.ToArray(), RowNumbering.DataRowAfterHeader);
        }
        catch (CsvFormatException ex)
        {
            string where = ex.LineNumber is long line && line > 0 ? $" at line {line}" : "";
            string first = ex.Message.Split('\n', 2)[0].Trim();
            throw new DecoRegException($"{source}: malformed CSV{where}: {first}", ex);
        }
    }

    /// <summary>A NUL character never occurs in a text CSV file but in nearly every binary one (gzip, Parquet, images).</summary>
    private static void RejectBinary(string? cell, string source, long line)
    {
        if (cell is not null && cell.Contains('\0'))
            throw new DecoRegException(
                $"{source}: line {line} holds a NUL character: this is not a text CSV file (binary or UTF-16 without a byte-order mark?).");
    }
}
