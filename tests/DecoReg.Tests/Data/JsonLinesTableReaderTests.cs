using DecoReg.Data;

namespace DecoReg.Tests.Data;

public class JsonLinesTableReaderTests
{
    [Fact]
    public void FlattensNestedObjectsWithUnionOfColumns()
    {
        using var tmp = new TempDir();
        var path = tmp.Write("r.jsonl",
            "{\"id\": 1, \"house\": {\"area\": 120.5, \"loc\": {\"city\": \"Ames\"}}, \"y\": 3}\n" +
            "\n" +
            "{\"y\": 4, \"house\": {\"area\": null}, \"new\": true, \"tags\": [1, 2]}\n");
        var t = JsonLinesTableReader.Read(path);
        Assert.Equal(["id", "house.area", "house.loc.city", "y", "new", "tags"], t.Columns);
        Assert.Equal(2, t.RowCount);
        Assert.Equal("120.5", t.Cell(0, 1));
        Assert.Equal("Ames", t.Cell(0, 2));
        Assert.Null(t.Cell(0, 4));
        Assert.Null(t.Cell(1, 0));
        Assert.Null(t.Cell(1, 1));
        Assert.Equal("true", t.Cell(1, 4));
        Assert.Equal("1, 2", t.Cell(1, 5));
        Assert.Equal("line 3", t.DescribeRow(1));
        var d = Dataset.FromTable(t, "y");
        Assert.Equal(new[] { 3.0, 4.0 }, d.Targets);
    }

    [Fact]
    public void BadLineNamesLineNumber()
    {
        using var tmp = new TempDir();
        var path = tmp.Write("bad.jsonl", "{\"a\": 1}\n{\"a\": 2,}\n");
        var ex = Assert.Throws<DecoRegException>(() => JsonLinesTableReader.Read(path));
        Assert.Contains(path, ex.Message);
        Assert.Contains("line 2", ex.Message);
    }

    [Fact]
    public void NonObjectLineIsAnError()
    {
        using var tmp = new TempDir();
        var path = tmp.Write("arr.jsonl", "{\"a\": 1}\n[1,2]\n");
        var ex = Assert.Throws<DecoRegException>(() => JsonLinesTableReader.Read(path));
        Assert.Contains("line 2", ex.Message);
        Assert.Contains("JSON object", ex.Message);
    }

    [Fact]
    public void EmptyAndMissingFiles()
    {
        using var tmp = new TempDir();
        var empty = tmp.Write("e.jsonl", "\n\n");
        Assert.Contains("empty", Assert.Throws<DecoRegException>(() => JsonLinesTableReader.Read(empty)).Message);
        Assert.Contains("not found", Assert.Throws<DecoRegException>(
            () => JsonLinesTableReader.Read(Path.Combine(tmp.FullPath, "none.jsonl"))).Message);
    }

    [Fact]
    public void ArraysOfScalarsAreJoinedOthersAreCompactJsonEmptyOnesMissing()
    {
        var t = JsonLinesTableReader.Read(new StringReader(
            "{\"a\": [\"x y\", 2.50, true, null], \"b\": [{\"k\": 1}, [2, 3]], \"c\": [], \"d\": [null], \"e\": [ \"é\" ]}\n"), "mem");
        Assert.Equal("x y, 2.50, true", t.Cell(0, t.ColumnIndex("a")));
        Assert.Equal("[{\"k\":1},[2,3]]", t.Cell(0, t.ColumnIndex("b")));
        Assert.Null(t.Cell(0, t.ColumnIndex("c")));
        Assert.Null(t.Cell(0, t.ColumnIndex("d")));
        Assert.Equal("é", t.Cell(0, t.ColumnIndex("e")));
    }

    [Fact]
    public void EmptyStringsAreMissing()
    {
        var t = JsonLinesTableReader.Read(new StringReader("{\"a\": \"\", \"b\": \"  \", \"c\": \"x\"}\n"), "mem");
        Assert.Null(t.Cell(0, 0));
        Assert.Null(t.Cell(0, 1));
        Assert.Equal("x", t.Cell(0, 2));
    }

    [Fact]
    public void NotJsonLinesNamesTheFileAndLine()
    {
        using var tmp = new TempDir();
        var pretty = tmp.Write("pretty.jsonl", "{\n  \"a\": 1\n}\n");
        var ex = Assert.Throws<DecoRegException>(() => JsonLinesTableReader.Read(pretty));
        Assert.Contains(pretty, ex.Message);
        Assert.Contains("line 1", ex.Message);
        Assert.Contains("one complete JSON object per line", ex.Message);

        var binary = Path.Combine(tmp.FullPath, "data.jsonl");
        File.WriteAllBytes(binary, [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0xFF, 0x0A, 0x41]);   // gzip-like
        ex = Assert.Throws<DecoRegException>(() => JsonLinesTableReader.Read(binary));
        Assert.Contains(binary, ex.Message);
        Assert.Contains("line 1", ex.Message);
    }
}
