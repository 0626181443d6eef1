using DecoReg.Data;

namespace DecoReg.Tests.Data;

public class TableLoaderTests
{
    [Fact]
    public void ReadTable_DispatchesOnExtension()
    {
        using var dir = new TempDir();
        var csv = TableLoader.ReadTable(dir.Write("a.csv", "x,y\n1,2\n"));
        var tsv = TableLoader.ReadTable(dir.Write("a.tsv", "x\ty\n1\t2\n"));
        var jsonl = TableLoader.ReadTable(dir.Write("a.jsonl", "{\"x\":1,\"y\":2}\n"));
        var upper = TableLoader.ReadTable(dir.Write("b.JSONL", "{\"x\":1,\"y\":2}\n"));
        foreach (var t in new[] { csv, tsv, jsonl, upper })
        {
            Assert.Equal(["x", "y"], t.Columns);
            Assert.Equal(new string?[] { "1", "2" }, t.Row(0).ToArray());
        }
        Assert.Equal(RowNumbering.FileLine, jsonl.Numbering);
        Assert.Throws<DecoRegException>(() => TableLoader.ReadTable("uci:somewhere"));
    }

    [Fact]
    public void LoadDataset_FileAndUci()
    {
        using var dir = new TempDir();
        var d = TableLoader.LoadDataset(dir.Write("a.csv", "x,id,y\n1,a,2.5\n3,b,4\n"), "y", ["id"]);
        Assert.Equal(["x"], d.Features.Columns);
        Assert.Equal([2.5, 4.0], d.Targets);
        Assert.Contains("no target column", Assert.Throws<DecoRegException>(() => TableLoader.LoadDataset(Path.Combine(dir.FullPath, "a.csv"), null)).Message);

        string spec = TableLoader.UciPrefix + TestData.Path("uci", "yacht");
        var train = TableLoader.LoadDataset(spec, null, null, 0, UciPart.Train);
        var test = TableLoader.LoadDataset(spec, null, ["x5"], 0, UciPart.Test);
        Assert.Equal(308, train.RowCount + test.RowCount);
        Assert.Equal(6, train.Features.ColumnCount);
        Assert.Equal(5, test.Features.ColumnCount);
        Assert.Contains("fixed by index_target.txt", Assert.Throws<DecoRegException>(() => TableLoader.LoadDataset(spec, "y")).Message);
        Assert.Contains("expected a UCI folder", Assert.Throws<DecoRegException>(() => TableLoader.LoadDataset("uci:", null)).Message);
    }
}
