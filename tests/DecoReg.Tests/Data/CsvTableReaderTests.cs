using DecoReg.Data;

namespace DecoReg.Tests.Data;

public class CsvTableReaderTests
{
    [Fact]
    public void ReadsAmes()
    {
        var t = CsvTableReader.Read(TestData.Path("tabular", "ames.csv"));
        Assert.Equal(2930, t.RowCount);
        Assert.Equal(74, t.ColumnCount);
        Assert.Equal("MS_SubClass", t.Columns[0]);
        Assert.True(t.HasColumn("Sale_Price"));
        Assert.Equal("215000", t.Cell(0, t.ColumnIndex("Sale_Price")));
        Assert.Equal("WD ", t.Cell(0, t.ColumnIndex("Sale_Type")));   // cells are kept as written
        Assert.Equal(RowNumbering.DataRowAfterHeader, t.Numbering);
    }

    [Fact]
    public void ReadsDiamonds()
    {
        var t = CsvTableReader.Read(TestData.Path("tabular", "diamonds.csv"));
        Assert.Equal(53940, t.RowCount);
        Assert.Equal(["carat", "cut", "color", "clarity", "depth", "table", "price", "x", "y", "z"], t.Columns);
        Assert.Equal("0.23", t.Cell(0, 0));
        Assert.Equal("Ideal", t.Cell(0, 1));
    }

    [Fact]
    public void QuotedFieldsMayHoldSeparatorsQuotesAndNewlines()
    {
        using var tmp = new TempDir();
        var path = tmp.Write("q.csv", "a,b,c\n\"x, y\",\"line1\nline2\",\"say \"\"hi\"\"\"\n1,2,3\n");
        var t = CsvTableReader.Read(path);
        Assert.Equal(2, t.RowCount);
        Assert.Equal("x, y", t.Cell(0, 0));
        Assert.Equal("line1\nline2", t.Cell(0, 1));
        Assert.Equal("say \"hi\"", t.Cell(0, 2));
        Assert.Equal("3", t.Cell(1, 2));
    }

    [Fact]
    public void MissingMarkersBecomeNull()
    {
        using var tmp = new TempDir();
        var path = tmp.Write("m.csv", "a,b,c,d,e\n,NA,NaN,  ,N/A\n1,2,3,4,5\n");
        var t = CsvTableReader.Read(path);
        Assert.Null(t.Cell(0, 0));
        Assert.Null(t.Cell(0, 1));
        Assert.Null(t.Cell(0, 2));
        Assert.Null(t.Cell(0, 3));
        Assert.Equal("N/A", t.Cell(0, 4));   // not in the policy: kept as text
    }

    [Fact]
    public void SemicolonsAreNotGuessedAsSeparator()
    {
        using var tmp = new TempDir();
        var path = tmp.Write("s.csv", "a;b\n1,5;2\n");
        var ex = Assert.Throws<DecoRegException>(() => CsvTableReader.Read(path));   // 2 fields vs 1 header column
        Assert.Contains("expected 1", ex.Message);
    }

    [Fact]
    public void FileNotFound()
    {
        var path = Path.Combine(Path.GetTempPath(), "decoreg-no-such-file.csv");
        var ex = Assert.Throws<DecoRegException>(() => CsvTableReader.Read(path));
        Assert.Contains(path, ex.Message);
        Assert.Contains("not found", ex.Message);
    }

    [Fact]
    public void EmptyFile()
    {
        using var tmp = new TempDir();
        var path = tmp.Write("empty.csv", "");
        var ex = Assert.Throws<DecoRegException>(() => CsvTableReader.Read(path));
        Assert.Contains(path, ex.Message);
        Assert.Contains("empty file", ex.Message);
    }

    [Fact]
    public void HeaderOnly()
    {
        using var tmp = new TempDir();
        var path = tmp.Write("h.csv", "a,b,c\n");
        var ex = Assert.Throws<DecoRegException>(() => CsvTableReader.Read(path));
        Assert.Contains(path, ex.Message);
        Assert.Contains("no data rows", ex.Message);
    }

    [Fact]
    public void RaggedRowNamesRowAndCounts()
    {
        using var tmp = new TempDir();
        var path = tmp.Write("r.csv", "a,b,c\n1,2,3\n4,5\n");
        var ex = Assert.Throws<DecoRegException>(() => CsvTableReader.Read(path));
        Assert.Contains(path, ex.Message);
        Assert.Contains("data row 2", ex.Message);
        Assert.Contains("line 3", ex.Message);
        Assert.Contains("has 2 fields, expected 3", ex.Message);
    }

    [Fact]
    public void DuplicateColumnNames()
    {
        using var tmp = new TempDir();
        var path = tmp.Write("d.csv", "a,b,a\n1,2,3\n");
        var ex = Assert.Throws<DecoRegException>(() => CsvTableReader.Read(path));
        Assert.Contains(path, ex.Message);
        Assert.Contains("duplicate column name 'a'", ex.Message);
    }

    [Fact]
    public void UnterminatedQuoteIsAnError()
    {
        using var tmp = new TempDir();
        var path = tmp.Write("u.csv", "a,b\n1,\"open\n2,3\n");
        var ex = Assert.Throws<DecoRegException>(() => CsvTableReader.Read(path));
        Assert.Contains(path, ex.Message);
    }
}
