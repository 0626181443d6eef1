using DecoReg.Data;

namespace DecoReg.Tests.Data;

public class DatasetTests
{
    private static Table Csv(TempDir tmp, string text) => CsvTableReader.Read(tmp.Write("t.csv", text));

    [Fact]
    public void SplitsTargetFromFeatures()
    {
        using var tmp = new TempDir();
        var t = Csv(tmp, "a,y,b,id\n1,2.5,x,7\n3,1e+05,z,8\n");
        var d = Dataset.FromTable(t, "y", ["id"]);
        Assert.Equal(new[] { 2.5, 100000.0 }, d.Targets);
        Assert.Equal(["a", "b"], d.Features.Columns);
        Assert.Equal(t.Source, d.Name);
        var s = d.Subset([1], "valid");
        Assert.Equal(new[] { 100000.0 }, s.Targets);
        Assert.Equal("z", s.Features.Cell(0, 1));
        Assert.Equal($"{t.Source} (valid)", s.Name);
        Assert.Equal("data row 2 (1-based, header not counted)", s.Features.DescribeRow(0));
    }

    [Fact]
    public void TargetColumnMissingListsColumns()
    {
        using var tmp = new TempDir();
        var t = Csv(tmp, "a,Price,b\n1,2,3\n");
        var ex = Assert.Throws<DecoRegException>(() => Dataset.FromTable(t, "price"));
        Assert.Contains(t.Source, ex.Message);
        Assert.Contains("'price'", ex.Message);
        Assert.Contains("'a', 'Price', 'b'", ex.Message);
    }

    [Fact]
    public void DropColumnMissingListsColumns()
    {
        using var tmp = new TempDir();
        var t = Csv(tmp, "a,y\n1,2\n");
        var ex = Assert.Throws<DecoRegException>(() => Dataset.FromTable(t, "y", ["status"]));
        Assert.Contains("'status'", ex.Message);
        Assert.Contains("'a', 'y'", ex.Message);
    }

    [Fact]
    public void NonNumericTargetNamesFileRowAndValue()
    {
        using var tmp = new TempDir();
        var t = Csv(tmp, "a,y\n1,2\n3,4\n5,\"12,5\"\n");
        var ex = Assert.Throws<DecoRegException>(() => Dataset.FromTable(t, "y"));
        Assert.Contains(t.Source, ex.Message);
        Assert.Contains("data row 3 (1-based, header not counted)", ex.Message);
        Assert.Contains("'12,5'", ex.Message);
    }

    [Fact]
    public void MissingTargetNamesFileAndRow()
    {
        using var tmp = new TempDir();
        var t = Csv(tmp, "a,y\n1,2\n3,NA\n");
        var ex = Assert.Throws<DecoRegException>(() => Dataset.FromTable(t, "y"));
        Assert.Contains(t.Source, ex.Message);
        Assert.Contains("data row 2", ex.Message);
        Assert.Contains("missing", ex.Message);
    }

    [Fact]
    public void InfiniteTargetIsRejected()
    {
        using var tmp = new TempDir();
        var t = Csv(tmp, "a,y\n1,Infinity\n");
        var ex = Assert.Throws<DecoRegException>(() => Dataset.FromTable(t, "y"));
        Assert.Contains("'Infinity'", ex.Message);
    }

    [Fact]
    public void DiamondsPriceTarget()
    {
        var t = CsvTableReader.Read(TestData.Path("tabular", "diamonds.csv"));
        var d = Dataset.FromTable(t, "price");
        Assert.Equal(53940, d.RowCount);
        Assert.Equal(9, d.Features.ColumnCount);
        Assert.Equal(326.0, d.Targets[0]);
        Assert.False(d.Features.HasColumn("price"));
    }
}
