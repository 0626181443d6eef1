using System.Globalization;
using System.Text;
using DecoReg.Cli;
using DecoReg.Data;
using Parquet.Schema;
using Parquet.Serialization;

namespace DecoReg.Tests.Cli;

/// <summary>Runs the real command line in-process and writes small real data files for CLI tests.</summary>
internal static class CliRunner
{
    /// <summary>Tiny training settings: a few epochs of a narrow network keep every CLI training to seconds.</summary>
    public static readonly string[] Tiny = ["--epochs", "3", "--d-model", "16"];

    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var @out = new StringWriter();
        var err = new StringWriter();
        int code = DecoRegApp.Run(args, @out, err);
        return (code, @out.ToString(), err.ToString());
    }

    public static string Uci(string name) => TableLoader.UciPrefix + TestData.Path("uci", name);

    /// <summary>Writes a dataset as CSV with header x0..xk,y (cells as in the source file).</summary>
    public static string WriteCsv(Dataset data, string path, string target = "y")
    {
        var sb = new StringBuilder();
        sb.AppendJoin(',', data.Features.Columns.Append(target)).Append('\n');
        for (int r = 0; r < data.RowCount; r++)
        {
            for (int c = 0; c < data.Features.ColumnCount; c++) sb.Append(data.Features.Cell(r, c)).Append(',');
            sb.Append(data.Targets[r].ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }
        File.WriteAllText(path, sb.ToString());
        return path;
    }

    /// <summary>Parses the CSV written by predict (no quoting needed for numeric ids).</summary>
    public static (string[] Header, double[][] Rows) ReadCsv(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        return (header, rows);
    }

    /// <summary>Writes a table of numeric cells as a Parquet file of double columns.</summary>
    public static string WriteParquet(Table table, string path)
    {
        var schema = new ParquetSchema(table.Columns.Select(c => (Field)new DataField<double>(c)).ToArray());
        var records = Enumerable.Range(0, table.RowCount).Select(r => (IDictionary<string, object?>)table.Columns
            .Select((c, i) => (c, (object?)double.Parse(table.Cell(r, i)!, CultureInfo.InvariantCulture)))
            .ToDictionary(p => p.c, p => p.Item2)).ToList();
        using var fs = File.Create(path);
        ParquetSerializer.SerializeUntypedAsync(records, schema, fs).GetAwaiter().GetResult();
        return path;
    }
}
