using System.Collections;
using System.Globalization;
using System.Text;
using Parquet;
using Parquet.Serialization;

namespace DecoReg.Data;

/// <summary>
/// Reads an Apache Parquet file into a <see cref="Table"/> (Parquet.Net). Every top-level column becomes a column of
/// text cells, written culture-invariantly: integers and decimals as digits, floating-point numbers in shortest
/// round-trip form ("0.1", "1E+20"), booleans as "true"/"false", dates in ISO 8601, strings unchanged; Parquet nulls
/// (and text that <see cref="MissingValues"/> counts as missing, and NaN) become <c>null</c>. Nested values (lists,
/// structs, maps) are kept as compact text. Row numbers in errors are 1-based row positions in the file. Problems
/// are <see cref="DecoRegException"/>s naming the path.
/// </summary>
public static class ParquetTableReader
{
    /// <summary>Reads the whole file.</summary>
    public static Table Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
            throw new DecoRegException(Directory.Exists(path)
                ? $"{path}: is a directory, expected a Parquet file."
                : $"{path}: file not found.");
        try
        {
            if (new FileInfo(path).Length == 0)
                throw new DecoRegException($"{path}: empty file; expected a Parquet file with columns and rows.");
            using var stream = File.OpenRead(path);
            return Read(stream, path);
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

    /// <summary>Reads Parquet data from a seekable stream; <paramref name="source"/> names it in error messages.</summary>
    public static Table Read(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        string[] columns;
        IReadOnlyList<IDictionary<string, object?>> records;
        try
        {
            var result = ParquetSerializer.DeserializeUntypedAsync(stream).GetAwaiter().GetResult();
            columns = result.Schema.Fields.Select(f => f.Name).ToArray();
            records = result.Data.Select(d => (IDictionary<string, object?>)d!).ToArray();
        }
        catch (DecoRegException)
        {
            throw;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or NotSupportedException or InvalidOperationException
                                      or ArgumentException or EndOfStreamException or ParquetException or IndexOutOfRangeException)
        {
            throw new DecoRegException($"{source}: not a readable Parquet file: {ex.Message}", ex);
        }
        if (columns.Length == 0)
            throw new DecoRegException($"{source}: the Parquet file has no columns.");
        if (records.Count == 0)
            throw new DecoRegException($"{source}: has columns ({columns.Length}) but no data rows.");
        var rows = new string?[records.Count][];
        for (int r = 0; r < rows.Length; r++)
        {
            var row = new string?[columns.Length];
            var record = records[r];
            for (int c = 0; c < columns.Length; c++)
                row[c] = record.TryGetValue(columns[c], out var value) ? Format(value) : null;
            rows[r] = row;
        }
        return new Table(source, columns, rows, RowNumbering.InMemory);
    }

    /// <summary>The culture-invariant text of one Parquet value; null for null, NaN and missing-value text.</summary>
    internal static string? Format(object? value) => value switch
    {
        null => null,
        string s => MissingValues.Normalize(s),
        double d => double.IsNaN(d) ? null : d.ToString("R", CultureInfo.InvariantCulture),
        float f => float.IsNaN(f) ? null : f.ToString("R", CultureInfo.InvariantCulture),
        Half h => Half.IsNaN(h) ? null : ((double)h).ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        DateOnly t => t.ToString("O", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("O", CultureInfo.InvariantCulture),
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToBase64String(bytes),
        IDictionary map => "{" + string.Join(",", map.Keys.Cast<object>().Select(k => $"{Format(k)}:{Format(map[k]) ?? "null"}")) + "}",
        IEnumerable items => "[" + string.Join(",", items.Cast<object?>().Select(i => Format(i) ?? "null")) + "]",
        IFormattable f => MissingValues.Normalize(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => MissingValues.Normalize(value.ToString()),
    };
}
