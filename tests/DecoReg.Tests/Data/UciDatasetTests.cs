using System.Globalization;
using DecoReg.Data;

namespace DecoReg.Tests.Data;

public class UciDatasetTests
{
    private static readonly string Concrete = TestData.Path("uci", "concrete");

    private static int[] Indices(string file) =>
        File.ReadAllText(file).Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select(s => (int)double.Parse(s, CultureInfo.InvariantCulture)).ToArray();

    [Fact]
    public void ConcreteSplit0MatchesIndexFiles()
    {
        var train = UciDataset.Load(Concrete, 0, UciPart.Train);
        var test = UciDataset.Load(Concrete, 0, UciPart.Test);
        var trainIdx = Indices(Path.Combine(Concrete, "index_train_0.txt"));
        var testIdx = Indices(Path.Combine(Concrete, "index_test_0.txt"));

        Assert.Equal(trainIdx.Length, train.RowCount);
        Assert.Equal(testIdx.Length, test.RowCount);
        Assert.Equal(1030, train.RowCount + test.RowCount);
        Assert.Empty(trainIdx.Intersect(testIdx));
        Assert.Equal(8, train.Features.ColumnCount);
        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"x{i}"), train.Features.Columns);
        Assert.Equal("concrete split 0 (train)", train.Name);
        Assert.Equal("concrete split 0 (test)", test.Name);

        // Row i of the train part is data.txt row trainIdx[i]: compare with an independent parse.
        var lines = File.ReadAllLines(Path.Combine(Concrete, "data.txt")).Where(l => l.Trim().Length > 0).ToArray();
        foreach (int i in new[] { 0, 1, trainIdx.Length - 1 })
        {
            var fields = lines[trainIdx[i]].Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(double.Parse(fields[8], CultureInfo.InvariantCulture), train.Targets[i]);
            Assert.Equal(fields[0], train.Features.Cell(i, 0));
            Assert.Equal(fields[7], train.Features.Cell(i, 7));
            Assert.Equal($"line {trainIdx[i] + 1}", train.Features.DescribeRow(i));
        }
    }

    [Theory]
    [InlineData("bostonHousing", 506, 13, 20)]
    [InlineData("concrete", 1030, 8, 20)]
    [InlineData("energy", 768, 8, 20)]
    [InlineData("wine-quality-red", 1599, 11, 20)]
    [InlineData("yacht", 308, 6, 20)]
    [InlineData("power-plant", 9568, 4, 20)]
    [InlineData("protein-tertiary-structure", 45730, 9, 5)]
    public void EveryBenchmarkSetLoads(string name, int rows, int features, int splits)
    {
        string dir = TestData.Path("uci", name);
        Assert.Equal(splits, UciDataset.SplitCount(dir));
        var (train, test) = UciDataset.LoadSplit(dir, splits - 1);
        Assert.Equal(rows, train.RowCount + test.RowCount);
        Assert.Equal(features, train.Features.ColumnCount);
        Assert.All(train.Targets, y => Assert.True(double.IsFinite(y)));
    }

    [Fact]
    public void MissingSplitNamesTheSplitAndHowManyExist()
    {
        var ex = Assert.Throws<DecoRegException>(() => UciDataset.Load(Concrete, 20, UciPart.Train));
        Assert.Contains("split 20", ex.Message);
        Assert.Contains("20 split", ex.Message);
        Assert.Contains("index_train_20.txt", ex.Message);
    }

    [Fact]
    public void FloatIndicesAndSeveralPerLineAreAccepted()
    {
        using var tmp = new TempDir();
        tmp.Write("data.txt", "1 2 10\n3 4 20\n5 6 30\n\n");
        tmp.Write("index_features.txt", "0.0\n1.0\n");
        tmp.Write("index_target.txt", "2.0");
        tmp.Write("index_train_0.txt", "0.0 2.0\n");
        tmp.Write("index_test_0.txt", "1\n");
        Assert.Equal(1, UciDataset.SplitCount(tmp.FullPath));
        var train = UciDataset.Load(tmp.FullPath, 0, UciPart.Train);
        Assert.Equal(new[] { 10.0, 30.0 }, train.Targets);
        Assert.Equal("5", train.Features.Cell(1, 0));
    }

    [Fact]
    public void OutOfRangeIndexIsAnErrorNamingFileAndValue()
    {
        using var tmp = new TempDir();
        tmp.Write("data.txt", "1 2 10\n3 4 20\n");
        tmp.Write("index_features.txt", "0\n1\n");
        tmp.Write("index_target.txt", "2");
        tmp.Write("index_train_0.txt", "0\n7\n");
        tmp.Write("index_test_0.txt", "1\n");
        var ex = Assert.Throws<DecoRegException>(() => UciDataset.Load(tmp.FullPath, 0, UciPart.Train));
        Assert.Contains("index_train_0.txt", ex.Message);
        Assert.Contains("line 2", ex.Message);
        Assert.Contains("'7'", ex.Message);
    }

    [Fact]
    public void MissingFolderIsAnError()
    {
        var ex = Assert.Throws<DecoRegException>(() => UciDataset.SplitCount(Path.Combine(Path.GetTempPath(), "no-such-uci-dir-42")));
        Assert.Contains("no-such-uci-dir-42", ex.Message);
    }
}
