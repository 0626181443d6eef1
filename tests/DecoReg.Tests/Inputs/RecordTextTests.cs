using System.Text.Json;
using DecoReg.Data;
using DecoReg.Inputs;

namespace DecoReg.Tests.Inputs;

public class RecordTextTests
{
    private static Table Make(string[] columns, params string?[][] rows) => new("mem", columns, rows);

    [Fact]
    public void KeysAreSortedOrdinallySoColumnOrderDoesNotMatter()
    {
        var a = Make(["size", "Name", "b"], ["10", "zlib", "x"]);
        var b = Make(["b", "size", "Name"], ["x", "10", "zlib"]);
        Assert.Equal("Name: zlib\nb: x\nsize: 10", RecordText.Serialize(a, 0));
        Assert.Equal(RecordText.Serialize(a, 0), RecordText.Serialize(b, 0));
        Assert.Equal(RecordText.Serialize(a, 0, RecordText.Format.Json), RecordText.Serialize(b, 0, RecordText.Format.Json));
    }

    [Fact]
    public void MissingCellsAreLeftOut()
    {
        var t = Make(["a", "b", "c"], ["1", null, "z"]);
        Assert.Equal("a: 1\nc: z", RecordText.Serialize(t, 0));
        Assert.Equal("{\"a\":1,\"c\":\"z\"}", RecordText.Serialize(t, 0, RecordText.Format.Json));
    }

    [Theory]
    [InlineData("1.50", "1.5")]
    [InlineData("1.5", "1.5")]
    [InlineData(" 2 ", "2")]
    [InlineData("1e3", "1000")]
    [InlineData("+0.25", "0.25")]
    [InlineData("-3.000", "-3")]
    [InlineData(".5", "0.5")]
    [InlineData("1E+300", "1E+300")]
    public void NumbersAreWrittenInShortestInvariantForm(string cell, string expected)
    {
        Assert.True(RecordText.TryCanonicalNumber(cell, out string text));
        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData("007")]
    [InlineData("1234567890123456789")]
    [InlineData("1.2.3")]
    [InlineData("Infinity")]
    [InlineData("0x10")]
    [InlineData("1,5")]
    public void CodesIdentifiersAndNonNumbersAreKeptAsWritten(string cell)
    {
        Assert.False(RecordText.TryCanonicalNumber(cell, out string text));
        Assert.Equal(cell, text);
    }

    [Fact]
    public void NumberSpellingsGiveTheSameRecord()
    {
        var a = Make(["x", "y"], ["1.50", "2e2"]);
        var b = Make(["x", "y"], ["1.5", "200"]);
        Assert.Equal(RecordText.Serialize(a, 0), RecordText.Serialize(b, 0));
    }

    [Fact]
    public void LineBreaksAndBackslashesAreEscapedSoEachLineIsOneKey()
    {
        var t = Make(["desc", "path"], ["first\r\nsecond\nthird\rfourth", @"C:\tmp"]);
        string text = RecordText.Serialize(t, 0);
        Assert.Equal("desc: first\\nsecond\\nthird\\nfourth\npath: C:\\\\tmp", text);
        Assert.Equal(2, text.Split('\n').Length);
    }

    [Fact]
    public void JsonFormatIsCompactValidJsonWithUnescapedNonAscii()
    {
        var t = Make(["name", "n", "a.b", "note"], ["café \"x\"", "1.50", "3", "l1\nl2"]);
        string json = RecordText.Serialize(t, 0, RecordText.Format.Json);
        Assert.Equal("{\"a.b\":3,\"n\":1.5,\"name\":\"café \\\"x\\\"\",\"note\":\"l1\\nl2\"}", json);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("l1\nl2", doc.RootElement.GetProperty("note").GetString());
    }

    [Fact]
    public void ASingleColumnIsItsTextAlone()
    {
        var t = Make(["text"], ["line one\nline 2.50"], [null]);
        Assert.Equal("line one\nline 2.50", RecordText.Serialize(t, 0));
        Assert.Equal("line one\nline 2.50", RecordText.Serialize(t, 0, RecordText.Format.Json));
        Assert.Equal("", RecordText.Serialize(t, 1));
    }

    [Fact]
    public void NestedJsonLinesRecordsKeepTheirDottedKeys()
    {
        var t = JsonLinesTableReader.Read(new StringReader(
            "{\"pkg\": {\"name\": \"zlib\", \"size\": 1.50}, \"deps\": [\"libc6\", \"libz\"]}\n" +
            "{\"deps\": [\"libc6\"], \"pkg\": {\"size\": 7, \"name\": \"gzip\"}}\n"), "mem");
        var texts = RecordText.SerializeAll(t);
        Assert.Equal("deps: libc6, libz\npkg.name: zlib\npkg.size: 1.5", texts[0]);
        Assert.Equal("deps: libc6\npkg.name: gzip\npkg.size: 7", texts[1]);
    }

    [Fact]
    public void DebianRecordsSerializeWithoutTheTarget()
    {
        var d = Dataset.FromTable(JsonLinesTableReader.Read(TestData.Path("text", "debian-packages", "test.jsonl")),
            "installed_size_kib");
        var texts = RecordText.SerializeAll(d.Features);
        Assert.Equal(d.RowCount, texts.Length);
        Assert.All(texts, text => Assert.DoesNotContain("installed_size_kib", text));
        Assert.StartsWith("architecture: ", texts[0]);
        Assert.Contains("\npackage: ", texts[0]);
        Assert.All(texts, text => Assert.All(text.Split('\n'), line => Assert.Contains(": ", line)));
    }
}
