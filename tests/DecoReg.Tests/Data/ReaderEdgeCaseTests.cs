using System.Text;
using DecoReg.Data;

namespace DecoReg.Tests.Data;

/// <summary>The same bad-input cases for both text readers: invalid UTF-8, a 1 MB cell, a file that is not text.</summary>
public class ReaderEdgeCaseTests
{
    /// <summary>A two-row file in the format with columns name and size; <paramref name="name"/> is raw UTF-8 bytes.</summary>
    private static byte[] TwoRows(string format, byte[] name) =>
    [
        .. Encoding.UTF8.GetBytes(format == "csv" ? "name,size\n\"" : "{\"name\": \""),
        .. name,
        .. Encoding.UTF8.GetBytes(format == "csv" ? "\",12\nok,3\n" : "\", \"size\": 12}\n{\"name\": \"ok\", \"size\": 3}\n"),
    ];

    private static Table Read(string path, out int invalid) => path.EndsWith(".csv", StringComparison.Ordinal)
        ? CsvTableReader.Read(path, out invalid)
        : JsonLinesTableReader.Read(path, out invalid);

    [Theory]
    [InlineData("csv")]
    [InlineData("jsonl")]
    public void InvalidUtf8IsReplacedCountedAndTheRestOfTheRowIsRead(string format)
    {
        using var tmp = new TempDir();
        var path = Path.Combine(tmp.FullPath, "bad-utf8." + format);
        File.WriteAllBytes(path, TwoRows(format, [(byte)'a', (byte)'b', 0xFF, 0xC3, (byte)'c', (byte)'d']));
        var t = Read(path, out int invalid);
        Assert.Equal(2, invalid);                            // a stray byte and a truncated two-byte sequence
        Assert.Equal("ab\uFFFD\uFFFDcd", t.Cell(0, 0));
        Assert.Equal("12", t.Cell(0, 1));
        Assert.Equal("ok", t.Cell(1, 0));
        Assert.Equal("3", t.Cell(1, 1));
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("jsonl")]
    public void AOneMegabyteCellReadsWhole(string format)
    {
        using var tmp = new TempDir();
        var path = Path.Combine(tmp.FullPath, "big." + format);
        string big = string.Concat(Enumerable.Repeat("some words, all é ", (1 << 20) / 18));
        File.WriteAllBytes(path, TwoRows(format, Encoding.UTF8.GetBytes(big)));
        var t = Read(path, out int invalid);
        Assert.Equal(0, invalid);
        Assert.Equal(big, t.Cell(0, 0));
        Assert.Equal("12", t.Cell(0, 1));
        Assert.Equal("ok", t.Cell(1, 0));
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("jsonl")]
    public void ABinaryFileIsAnErrorNamingTheFileAndLine(string format)
    {
        using var tmp = new TempDir();
        var path = Path.Combine(tmp.FullPath, "data." + format);
        File.WriteAllBytes(path, [0x50, 0x41, 0x52, 0x31, 0x15, 0x00, 0x15, 0x0A, 0x41, 0x00, 0x42, 0x0A]);   // Parquet-like
        var ex = Assert.Throws<DecoRegException>(() => Read(path, out _));
        Assert.Contains(path, ex.Message);
        Assert.Contains("line 1", ex.Message);
    }

    [Fact]
    public void AnEmptyCsvFieldIsMissing()
    {
        using var tmp = new TempDir();
        var t = CsvTableReader.Read(tmp.Write("e.csv", "text,y\n,1\n\"\",2\nx,3\n"));
        Assert.Null(t.Cell(0, 0));
        Assert.Null(t.Cell(1, 0));
        Assert.Equal("x", t.Cell(2, 0));
    }
}
