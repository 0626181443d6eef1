using System.Text.Json;

namespace DecoReg.Tests.Inputs.Text;

/// <summary>
/// The Debian package records of the shared text data set, each serialized as <c>key: value</c> lines (keys sorted
/// ordinally, the target <c>installed_size_kib</c> left out, strings as they are, anything else as its JSON text).
/// </summary>
public static class DebianRecords
{
    public const string Target = "installed_size_kib";

    public static string TrainPath => TestData.Path("text", "debian-packages", "train.jsonl");

    public static List<string> Read(string path, int limit = int.MaxValue)
    {
        var records = new List<string>();
        foreach (var line in File.ReadLines(path))
        {
            if (records.Count == limit) break;
            if (line.Length == 0) continue;
            using var doc = JsonDocument.Parse(line);
            var fields = doc.RootElement.EnumerateObject()
                .Where(p => p.Name != Target)
                .OrderBy(p => p.Name, StringComparer.Ordinal)
                .Select(p => $"{p.Name}: {(p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText())}");
            records.Add(string.Join('\n', fields));
        }
        return records;
    }
}
