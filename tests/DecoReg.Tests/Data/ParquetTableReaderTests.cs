using System.Globalization;
using DecoReg.Data;
using Parquet.Schema;
using Parquet.Serialization;

namespace DecoReg.Tests.Data;

public class ParquetTableReaderTests
{
    private static async Task<string> WriteAsync(TempDir dir, string name)
    {
        var schema = new ParquetSchema(
            new DataField<double?>("price"),
            new DataField<string>("cut"),
            new DataField<int?>("count"),
            new DataField<bool>("flag"),
            new DataField<float>("f"));
        var rows = new List<IDictionary<string, object?>>
        {
            new Dictionary<string, object?> { ["price"] = 1234.5, ["cut"] = "Ideal", ["count"] = 3, ["flag"] = true, ["f"] = 0.1f },
            new Dictionary<string, object?> { ["price"] = null, ["cut"] = null, ["count"] = null, ["flag"] = false, ["f"] = float.NaN },
            new Dictionary<string, object?> { ["price"] = 1e20, ["cut"] = "NA", ["count"] = -7, ["flag"] = true, ["f"] = -2.5f },
        };
        string path = Path.Combine(dir.FullPath, name);
        await using var fs = File.Create(path);
        await ParquetSerializer.SerializeUntypedAsync(rows, schema, fs);
        return path;
    }

    [Fact]
    public async Task Read_AllColumnsAsInvariantText_NullsMissing()
    {
        using var dir = new TempDir();
        string path = await WriteAsync(dir, "t.parquet");
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var t = ParquetTableReader.Read(path);
            Assert.Equal(["price", "cut", "count", "flag", "f"], t.Columns);
            Assert.Equal(3, t.RowCount);
            Assert.Equal(new string?[] { "1234.5", "Ideal", "3", "true", "0.1" }, t.Row(0).ToArray());
            Assert.Equal(new string?[] { null, null, null, "false", null }, t.Row(1).ToArray());
            Assert.Equal(new string?[] { "1E+20", null, "-7", "true", "-2.5" }, t.Row(2).ToArray());
            Assert.Equal(path, t.Source);
            Assert.Equal("row 2 (1-based)", t.DescribeRow(1));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Read_Problems_AreDecoRegExceptionsNamingThePath()
    {
        using var dir = new TempDir();
        Assert.Contains("file not found", Assert.Throws<DecoRegException>(() => ParquetTableReader.Read(Path.Combine(dir.FullPath, "x.parquet"))).Message);
        Assert.Contains("empty file", Assert.Throws<DecoRegException>(() => ParquetTableReader.Read(dir.Write("e.parquet", ""))).Message);
        var e = Assert.Throws<DecoRegException>(() => ParquetTableReader.Read(dir.Write("j.parquet", "a,b\n1,2\n")));
        Assert.Contains("j.parquet", e.Message);
        Assert.Contains("not a readable Parquet file", e.Message);
        Assert.Contains("is a directory", Assert.Throws<DecoRegException>(() => ParquetTableReader.Read(dir.FullPath)).Message);
    }
}
