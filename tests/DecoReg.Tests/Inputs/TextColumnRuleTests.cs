using DecoReg.Data;
using DecoReg.Inputs;

namespace DecoReg.Tests.Inputs;

public class TextColumnRuleTests
{
    private static readonly Lazy<Table> Debian =
        new(() => JsonLinesTableReader.Read(TestData.Path("text", "debian-packages", "train.jsonl")));

    [Theory]
    [InlineData("package")]
    [InlineData("source")]
    [InlineData("version")]
    [InlineData("maintainer")]
    [InlineData("homepage")]
    [InlineData("depends")]
    [InlineData("pre_depends")]
    [InlineData("recommends")]
    [InlineData("suggests")]
    [InlineData("provides")]
    [InlineData("tags")]
    [InlineData("description")]
    [InlineData("long_description")]
    public void DebianFreeTextNamesAndListsAreText(string column) =>
        Assert.True(TextColumnRule.IsText(Debian.Value, Debian.Value.ColumnIndex(column)), column);

    [Theory]
    [InlineData("architecture")]
    [InlineData("section")]
    [InlineData("priority")]
    [InlineData("multi_arch")]
    [InlineData("installed_size_kib")]
    public void DebianSmallVocabulariesAndNumbersAreNotText(string column) =>
        Assert.False(TextColumnRule.IsText(Debian.Value, Debian.Value.ColumnIndex(column)), column);

    [Theory]
    [InlineData("diamonds.csv")]
    [InlineData("ames.csv")]
    [InlineData("check_times.csv")]
    [InlineData("stackoverflow.csv")]
    public void TabularSetsHaveNoTextColumns(string file)
    {
        var t = CsvTableReader.Read(TestData.Path("tabular", file));
        for (int c = 0; c < t.ColumnCount; c++)
            Assert.False(TextColumnRule.IsText(t, c), $"{file}: {t.Columns[c]}");
    }

    [Fact]
    public void MeasuresPresentCells()
    {
        var t = new Table("mem", ["c"], [["a b"], [null], ["cd"], ["cd"]]);
        var s = TextColumnRule.Measure(t, 0);
        Assert.Equal(new TextColumnStats(3, 2, 1.0 / 3, 7.0 / 3, false), s);
    }

    [Fact]
    public void ClausesAndTheirThresholds()
    {
        string sentence = "a short sentence here";                 // 21 chars, whitespace
        Assert.True(TextColumnRule.IsText(TextColumnStats.Measure([sentence, sentence, sentence, "x"])));
        Assert.False(TextColumnRule.IsText(TextColumnStats.Measure(["a b", "c d"])));   // too short
        var names = Enumerable.Range(0, 1001).Select(i => $"name-{i:D5}").ToArray();  // 10 chars, 1001 levels
        Assert.True(TextColumnRule.IsText(TextColumnStats.Measure(names)));
        Assert.False(TextColumnRule.IsText(TextColumnStats.Measure(names), maxLevels: 2000));
        var ids = Enumerable.Range(0, 5000).Select(i => $"{i:D5}").ToArray();         // numbers: numeric, not text
        Assert.False(TextColumnRule.IsText(TextColumnStats.Measure(ids)));
        Assert.False(TextColumnRule.IsText(TextColumnStats.Measure([])));
    }
}
