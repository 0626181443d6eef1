using DecoReg.Data;
using DecoReg.Inputs;

namespace DecoReg.Tests.Inputs;

public class ColumnSchemaTests
{
    [Fact]
    public void DiamondsKinds()
    {
        var d = Dataset.FromTable(CsvTableReader.Read(TestData.Path("tabular", "diamonds.csv")), "price");
        var s = ColumnSchema.Infer(d.Features);
        ColumnSpec Col(string n) => s.Columns[s.IndexOf(n)];
        Assert.Equal(9, s.Count);
        Assert.Equal(ColumnKind.Numeric, Col("carat").Kind);
        Assert.Equal(ColumnKind.Numeric, Col("depth").Kind);
        Assert.Equal(ColumnKind.Categorical, Col("cut").Kind);
        Assert.Equal(ColumnKind.Categorical, Col("color").Kind);
        Assert.Equal(ColumnKind.Categorical, Col("clarity").Kind);
        // Levels by frequency: Ideal 21551 > Premium 13791 > Very Good 12082 > Good 4906 > Fair 1610.
        Assert.Equal(["Ideal", "Premium", "Very Good", "Good", "Fair"], Col("cut").Levels);
        Assert.InRange(Col("carat").Mean, 0.797, 0.798);   // published mean 0.7979
        Assert.InRange(Col("carat").Std, 0.473, 0.475);    // published sd 0.4740
    }

    [Fact]
    public void AmesKinds()
    {
        var d = Dataset.FromTable(CsvTableReader.Read(TestData.Path("tabular", "ames.csv")), "Sale_Price");
        var s = ColumnSchema.Infer(d.Features);
        Assert.Equal(73, s.Count);
        Assert.Equal(40, s.Columns.Count(c => c.Kind == ColumnKind.Categorical));
        Assert.Equal(ColumnKind.Numeric, s.Columns[s.IndexOf("Lot_Area")].Kind);
        Assert.Equal(ColumnKind.Categorical, s.Columns[s.IndexOf("Neighborhood")].Kind);
    }

    [Fact]
    public void MeanStdOfPresentValuesAndLevelOrder()
    {
        var t = new Table("mem", ["n", "c", "k"], [
            ["1", "b", "5"], ["3", "a", "5"], [null, "a", "5"], ["5", "b", "5"], ["3", "c", "5"], ["1e0", null, "5"]]);
        var s = ColumnSchema.Infer(t);
        var n = s.Columns[0];
        Assert.Equal(ColumnKind.Numeric, n.Kind);
        // present values 1,3,5,3,1: mean 2.6, population variance (2.56+0.16+5.76+0.16+2.56)/5 = 2.24
        Assert.Equal(2.6, n.Mean, 1e-12);
        Assert.Equal(Math.Sqrt(2.24), n.Std, 1e-12);
        // b and a both twice, b first seen first; c once.
        Assert.Equal(["b", "a", "c"], s.Columns[1].Levels);
        Assert.Equal(1.0, s.Columns[2].Std);   // constant column guard
    }

    [Fact]
    public void NonFiniteOrTextMakesCategorical()
    {
        var t = new Table("mem", ["a", "b"], [["1", "1"], ["Inf", "x"], ["2", "2"]]);
        var s = ColumnSchema.Infer(t);
        Assert.All(s.Columns, c => Assert.Equal(ColumnKind.Categorical, c.Kind));
    }

    [Fact]
    public void LevelCapKeepsMostFrequent()
    {
        var rows = new[] { "a", "b", "b", "c", "c", "c" }.Select(v => new string?[] { v }).ToArray();
        var s = ColumnSchema.Infer(new Table("mem", ["k"], rows), maxLevels: 2);
        Assert.Equal(["c", "b"], s.Columns[0].Levels);
    }

    [Fact]
    public void AllMissingColumnNamesIt()
    {
        using var tmp = new Data.TempDir();
        var t = CsvTableReader.Read(tmp.Write("m.csv", "a,empty,y\n1,,2\n2,NA,3\n"));
        var ex = Assert.Throws<DecoRegException>(() => ColumnSchema.Infer(t));
        Assert.Contains(t.Source, ex.Message);
        Assert.Contains("'empty'", ex.Message);
        Assert.Contains("all values missing", ex.Message);
    }

    [Fact]
    public void JsonRoundTrip()
    {
        var s = new ColumnSchema([ColumnSpec.Numeric("x", 1.5, 0.25), ColumnSpec.Categorical("c", ["p", "q"])]);
        var json = s.ToJson();
        Assert.Contains("\"Categorical\"", json);
        var back = ColumnSchema.FromJson(json);
        Assert.Equal(s, back);
        Assert.NotEqual(s, new ColumnSchema([ColumnSpec.Numeric("x", 1.5, 0.25), ColumnSpec.Categorical("c", ["q", "p"])]));
    }

    [Fact]
    public void FromJsonValidates()
    {
        var bad = new ColumnSchema([ColumnSpec.Numeric("x", 0, 0)]).ToJson();
        var ex = Assert.Throws<DecoRegException>(() => ColumnSchema.FromJson(bad, "m.decoreg"));
        Assert.Contains("m.decoreg", ex.Message);
        Assert.Contains("'x'", ex.Message);
        Assert.Throws<DecoRegException>(() => ColumnSchema.FromJson("{not json", "m.decoreg"));
    }

    [Fact]
    public void Infer_RefusesMoreThanMaxColumns_NamingTheSourceAndTheLimit()
    {
        static Table Wide(int n) => new("wide.csv", Enumerable.Range(0, n).Select(c => $"x{c}").ToArray(),
            [Enumerable.Range(0, n).Select(c => (string?)c.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray()]);
        Assert.Equal(ColumnSchema.MaxColumns, ColumnSchema.Infer(Wide(ColumnSchema.MaxColumns)).Count);
        var e = Assert.Throws<DecoRegException>(() => ColumnSchema.Infer(Wide(ColumnSchema.MaxColumns + 1)));
        Assert.StartsWith($"wide.csv: {ColumnSchema.MaxColumns + 1} feature columns; DecoReg takes at most {ColumnSchema.MaxColumns}", e.Message);
    }
}
