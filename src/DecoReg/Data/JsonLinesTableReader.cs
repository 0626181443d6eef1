using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DecoReg.Data;

/// <summary>
/// Reads a JSON Lines file (one JSON object per line; blank lines skipped) into a <see cref="Table"/>. Nested objects
/// are flattened with dotted names (<c>{"a":{"b":1}}</c> gives column <c>a.b</c>); numbers keep their literal text,
/// booleans become "true"/"false", <c>null</c>, absent keys and empty or whitespace-only strings are missing
/// (<see cref="MissingValues"/>: for text, empty means missing). Arrays become text for the text encoder: an array of
/// scalars is its present values joined by ", " (<c>["a", 2, true]</c> gives <c>a, 2, true</c>; nulls skipped), an
/// array holding an object or an array is its compact JSON (<c>[{"k":1}]</c>), an empty (or all-null) array is missing.
/// Columns are the union of all keys in first-seen order. Row numbers in errors are file line numbers. Invalid UTF-8
/// bytes are read as U+FFFD (counted, see <see cref="Read(string, out int)"/>); a line that is not a JSON object (a
/// binary file, a pretty-printed JSON document) is a <see cref="DecoRegException"/> naming the file and line.
/// </summary>
public static class JsonLinesTableReader
{
    /// <summary>Reads the whole file; problems are <see cref="DecoRegException"/>s naming the path and line.</summary>
    public static Table Read(string path) => Read(path, out _);

    /// <summary>Reads the whole file and reports how many invalid UTF-8 sequences were replaced by U+FFFD.</summary>
    public static Table Read(string path, out int invalidUtf8Sequences)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new DecoRegException($"{path}: file not found.");
        try
        {
            Table table;
            using (var reader = Utf8TextFile.Open(path, out var decoding))
            {
                table = Read(reader, path);
                invalidUtf8Sequences = decoding.InvalidSequences;
            }
            return table;
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
        var rows = new RowBuilder(source);
        int lineNo = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                using var doc = JsonDocument.Parse(line);
                rows.Add(doc.RootElement, $"line {lineNo}", lineNo);
            }
            catch (JsonException ex)
            {
                string hint = rows.Count == 0
                    ? " Expected JSON Lines: one complete JSON object per line (not a pretty-printed or binary file)."
                    : "";
                throw new DecoRegException($"{source}: line {lineNo}: invalid JSON: {ex.Message}{hint}", ex);
            }
        }
        if (rows.Count == 0)
            throw new DecoRegException($"{source}: empty file; expected one JSON object per line.");
        return rows.ToTable(RowNumbering.FileLine);
    }

    /// <summary>
    /// A table of JSON objects already parsed (e.g. the rows of a prediction request), read with the same rules as
    /// the lines of a file; rows are numbered by their position (<see cref="RowNumbering.ArrayItem"/>), so errors say
    /// <c>source: item [3]</c>. An element that is not an object is a <see cref="DecoRegException"/> naming it.
    /// </summary>
    public static Table FromObjects(IReadOnlyList<JsonElement> objects, string source)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var rows = new RowBuilder(source);
        for (int i = 0; i < objects.Count; i++) rows.Add(objects[i], $"item [{i}]", i + 1);
        return rows.ToTable(RowNumbering.ArrayItem);
    }

    /// <summary>Rows of flattened objects: columns are the union of all keys in first-seen order.</summary>
    private sealed class RowBuilder(string source)
    {
        private readonly List<string> columns = [];
        private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
        private readonly List<string?[]> rows = [];
        private readonly List<int> numbers = [];
        private readonly Dictionary<int, string?> cells = [];

        public int Count => rows.Count;

        public void Add(JsonElement element, string where, int number)
        {
            if (element.ValueKind != JsonValueKind.Object)
                throw new DecoRegException($"{source}: {where}: expected a JSON object {{...}}, found {element.ValueKind}.");
            cells.Clear();
            Flatten(element, "", columns, index, cells, source, where);
            var row = new string?[columns.Count];
            foreach (var (c, v) in cells) row[c] = v;
            rows.Add(row);
            numbers.Add(number);
        }

        public Table ToTable(RowNumbering numbering)
        {
            var all = rows.ToArray();
            for (int r = 0; r < all.Length; r++)
                if (all[r].Length < columns.Count) Array.Resize(ref all[r], columns.Count);
            return new Table(source, columns, all, numbering, numbers);
        }
    }

    private static void Flatten(JsonElement obj, string prefix, List<string> columns, Dictionary<string, int> index,
        Dictionary<int, string?> cells, string source, string where)
    {
        foreach (var prop in obj.EnumerateObject())
        {
            string name = prefix + prop.Name;
            var v = prop.Value;
            if (v.ValueKind == JsonValueKind.Object)
            {
                Flatten(v, name + ".", columns, index, cells, source, where);
                continue;
            }
            string? text = v.ValueKind switch
            {
                JsonValueKind.String => MissingValues.Normalize(v.GetString()),
                JsonValueKind.Number => v.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Array => ArrayText(v),
                _ => null,
            };
            if (!index.TryGetValue(name, out int c))
            {
                c = columns.Count;
                columns.Add(name);
                index[name] = c;
            }
            if (!cells.TryAdd(c, text))
                throw new DecoRegException(
                    $"{source}: {where}: key '{name}' occurs twice (after flattening nested objects with '.').");
        }
    }

    /// <summary>The text of an array cell (see the class remarks); null when it holds no value.</summary>
    private static string? ArrayText(JsonElement array)
    {
        var parts = new List<string>();
        foreach (var item in array.EnumerateArray())
        {
            switch (item.ValueKind)
            {
                case JsonValueKind.Object:
                case JsonValueKind.Array:
                    return CompactJson(array);
                case JsonValueKind.String:
                    parts.Add(item.GetString()!);
                    break;
                case JsonValueKind.Null:
                    break;
                default:
                    parts.Add(item.GetRawText());
                    break;
            }
        }
        return MissingValues.Normalize(string.Join(", ", parts));
    }

    private static readonly JsonWriterOptions CompactOptions = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static string CompactJson(JsonElement element)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, CompactOptions)) element.WriteTo(writer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
