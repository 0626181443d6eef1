using System.Text;

namespace DecoReg.Cli;

/// <summary>The CSV the commands write (predict, audit, acquire): a header, one line per row, RFC 4180 quoting where needed.</summary>
public static class CsvText
{
    public static string Build(IEnumerable<string> header, IEnumerable<IEnumerable<string>> rows)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', header.Select(Escape)).Append('\n');
        foreach (var row in rows) csv.AppendJoin(',', row.Select(Escape)).Append('\n');
        return csv.ToString();
    }

    public static string Escape(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
}
