using DecoReg.Data;

namespace DecoReg.Tests.Data;

public class TableTests
{
    private static Table Small() => new("mem", ["a", "b", "c"],
        [["1", "x", null], ["2", "y", "p"], ["3", null, "q"]]);

    [Fact]
    public void ColumnLookupIsCaseSensitiveAndListsColumns()
    {
        var t = Small();
        Assert.Equal(1, t.ColumnIndex("b"));
        Assert.Equal(-1, t.IndexOf("B"));
        var ex = Assert.Throws<DecoRegException>(() => t.ColumnIndex("B"));
        Assert.Contains("mem", ex.Message);
        Assert.Contains("'B'", ex.Message);
        Assert.Contains("Columns found (3): 'a', 'b', 'c'", ex.Message);
    }

    [Fact]
    public void SelectKeepsSourceRowNumbers()
    {
        var s = Small().Select([2, 0]);
        Assert.Equal(2, s.RowCount);
        Assert.Equal("3", s.Cell(0, 0));
        Assert.Equal(3, s.SourceRowNumber(0));
        Assert.Equal(1, s.Select([1]).SourceRowNumber(0));   // a select of a select still points at the source
    }

    [Fact]
    public void WithoutColumnsDropsByName()
    {
        var t = Small().WithoutColumns("b");
        Assert.Equal(["a", "c"], t.Columns);
        Assert.Equal("p", t.Cell(1, 1));
        Assert.Equal(1, t.ColumnIndex("c"));
        Assert.Throws<DecoRegException>(() => Small().WithoutColumns("zz"));
    }

    [Fact]
    public void RejectsDuplicateNamesAndRaggedRows()
    {
        Assert.Throws<DecoRegException>(() => new Table("mem", ["a", "a"], [["1", "2"]]));
        var ex = Assert.Throws<DecoRegException>(() => new Table("mem", ["a", "b"], [["1", "2"], ["3"]]));
        Assert.Contains("row 2", ex.Message);
    }
}
