using System.Text.Json;

namespace DecoReg.Data;

/// <summary>
/// Reads a JSON Lines file (one JSON object per line; blank lines skipped) into a <see cref="Table"/>. Nested objects
/// are flattened with dotted names (<c>{"a":{"b":1}}</c> gives column <c>a.b</c>); arrays are kept as their JSON text;
/// numbers keep their literal text, booleans become "true"/"false", <c>null</c> and absent keys are missing. Columns are
/// the union of all keys in first-seen order. Row numbers in errors are file line numbers.
/// </summary>
public static class JsonLinesTableReader
{
    /// <summary>Reads the whole file; problems are <see cref="DecoRegException"/>s naming the path and line.</summary>
    public static Table Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new DecoRegException($"{path}: file not found.");
        try
        {
            using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
            return Read(reader, path);
        }
        catch (IOException ex)
        {
            throw new DecoRegException($"{path}: cannot be read: {ex.Message}", ex);
        }
    }

    /// <summary>Reads JSON Lines text from a reader; <paramref name="source"/> names it in error messages.</summary>
    public static Table Read(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var columns = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<string?[]>();
        var lineNumbers = new List<int>();
        var cells = new Dictionary<int, string?>();
        int lineNo = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            cells.Clear();
            try
            {
                using var doc = JsonDocument.Parse(line);
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                    throw new DecoRegException(
                        $"{source}: line {lineNo}: expected a JSON object {{...}}, found {doc.RootElement.ValueKind}.");
                Flatten(doc.RootElement, "", columns, index, cells, source, lineNo);
            }
            catch (JsonException ex)
            {
                throw new DecoRegException($"{source}: line {lineNo}: invalid JSON: {ex.Message}", ex);
            }
            var row = new string?[columns.Count];
            foreach (var (c, v) in cells) row[c] = v;
            rows.Add(row);
            lineNumbers.Add(lineNo);
        }
        if (rows.Count == 0)
            throw new DecoRegException($"{source}: empty file; expected one JSON object per line.");
        var all = rows.ToArray();
        for (int r = 0; r < all.Length; r++)
            if (all[r].Length < columns.Count) Array.Resize(ref all[r], columns.Count);
        return new Table(source, columns, all, RowNumbering.FileLine, lineNumbers);
    }

    private static void Flatten(JsonElement obj, string prefix, List<string> columns, Dictionary<string, int> index,
        Dictionary<int, string?> cells, string source, int lineNo)
    {
        foreach (var prop in obj.EnumerateObject())
        {
            string name = prefix + prop.Name;
            var v = prop.Value;
            if (v.ValueKind == JsonValueKind.Object)
            {
                Flatten(v, name + ".", columns, index, cells, source, lineNo);
                continue;
            }
            string? text = v.ValueKind switch
            {
                JsonValueKind.String => MissingValues.Normalize(v.GetString()),
                JsonValueKind.Number => v.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Null => null,
                _ => v.GetRawText(),    // arrays
            };
            if (!index.TryGetValue(name, out int c))
            {
                c = columns.Count;
                columns.Add(name);
                index[name] = c;
            }
            if (!cells.TryAdd(c, text))
                throw new DecoRegException(
                    $"{source}: line {lineNo}: key '{name}' occurs twice (after flattening nested objects with '.').");
        }
    }
}
