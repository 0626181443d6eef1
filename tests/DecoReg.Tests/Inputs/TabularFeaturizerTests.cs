using DecoReg.Data;
using DecoReg.Inputs;

namespace DecoReg.Tests.Inputs;

public class TabularFeaturizerTests
{
    private static readonly Table Train = new("train.csv", ["num", "cat", "num2"], [
        ["1", "red", "10"],
        ["3", "blue", null],
        [null, "red", "30"],
        ["5", null, "20"],
    ], RowNumbering.DataRowAfterHeader);

    private static TabularFeaturizer Make() => new(ColumnSchema.Infer(Train));

    [Fact]
    public void BlocksAreDisjointAndCoverTheVocabulary()
    {
        var f = Make();
        Assert.Equal(3, f.ColumnCount);
        Assert.Equal(2 + (2 + 2) + 2, f.VocabularySize);
        var ids = new HashSet<int>();
        for (int c = 0; c < f.ColumnCount; c++)
            for (int k = 0; k < f.BlockSize(c); k++)
                Assert.True(ids.Add(f.BlockStart(c) + k));
        Assert.Equal(Enumerable.Range(0, f.VocabularySize), ids.Order());
        Assert.Equal("num:present", f.TokenName(f.PresentId(0)));
        Assert.Equal("cat:unseen", f.TokenName(f.UnseenId(1)));
        Assert.Equal("cat=red", f.TokenName(f.LevelId(1, 0)));
        Assert.Equal("num2:missing", f.TokenName(f.MissingId(2)));
    }

    [Fact]
    public void EncodesTrainingRows()
    {
        var f = Make();
        var e = f.Encode(Train);
        Assert.Equal(4, e.Rows);
        Assert.Equal(3, e.Columns);
        Assert.All(e.Tokens, t => Assert.InRange(t, 0, f.VocabularySize - 1));
        // num: present 1,3,5 -> mean 3, std sqrt(8/3)
        double std = Math.Sqrt(8.0 / 3.0);
        Assert.Equal(f.PresentId(0), e.Token(0, 0));
        Assert.Equal((1 - 3) / std, e.Value(0, 0), 1e-6);
        Assert.Equal(f.MissingId(0), e.Token(2, 0));
        Assert.Equal(0f, e.Value(2, 0));
        // cat: red twice (level 0), blue (level 1), missing
        Assert.Equal(f.LevelId(1, 0), e.Token(0, 1));
        Assert.Equal(f.LevelId(1, 1), e.Token(1, 1));
        Assert.Equal(f.MissingId(1), e.Token(3, 1));
        Assert.Equal(0f, e.Value(0, 1));
        Assert.Equal(f.MissingId(2), e.Token(1, 2));
        // standardized present values have mean 0, population std 1
        var z = new[] { e.Value(0, 2), e.Value(2, 2), e.Value(3, 2) };
        Assert.Equal(0.0, z.Average(), 1e-6);
        Assert.Equal(1.0, Math.Sqrt(z.Average(v => (double)v * v)), 1e-6);
    }

    [Fact]
    public void UnseenLevelColumnOrderAndClipping()
    {
        var f = Make();
        var t = new Table("new.csv", ["num2", "cat", "num"], [["20", "green", "1000"]]);
        var e = f.Encode(t);
        Assert.Equal(f.UnseenId(1), e.Token(0, 1));               // unseen level, no error
        Assert.Equal(f.PresentId(2), e.Token(0, 2));              // mapped by name, not position
        Assert.Equal(0.0, e.Value(0, 2), 1e-6);                       // 20 is num2's mean
        Assert.Equal(TabularFeaturizer.ValueClip, e.Value(0, 0));  // 1000 far above num's range: clipped
    }

    [Fact]
    public void SchemaMismatchNamesMissingAndUnexpectedColumns()
    {
        var f = Make();
        var t = new Table("new.csv", ["num", "colour", "num2", "extra"], [["1", "red", "2", "x"]]);
        var ex = Assert.Throws<DecoRegException>(() => f.Encode(t));
        Assert.Contains("new.csv", ex.Message);
        Assert.Contains("missing column(s) 'cat'", ex.Message);
        Assert.Contains("unexpected column(s) 'colour', 'extra'", ex.Message);
    }

    [Fact]
    public void NonNumericCellInNumericColumnNamesSourceRowColumnValue()
    {
        var f = Make();
        var t = new Table("new.csv", ["num", "cat", "num2"], [["1", "red", "2"], ["2", "red", "abc"]],
            RowNumbering.DataRowAfterHeader);
        var ex = Assert.Throws<DecoRegException>(() => f.Encode(t));
        Assert.Contains("new.csv", ex.Message);
        Assert.Contains("data row 2", ex.Message);
        Assert.Contains("'num2'", ex.Message);
        Assert.Contains("'abc'", ex.Message);
    }

    [Fact]
    public void DiamondsEndToEnd()
    {
        var d = Dataset.FromTable(CsvTableReader.Read(TestData.Path("tabular", "diamonds.csv")), "price");
        var f = new TabularFeaturizer(ColumnSchema.Infer(d.Features));
        var e = f.Encode(d.Features);
        Assert.Equal(d.RowCount * 9, e.Tokens.Length);
        Assert.All(e.Tokens, t => Assert.InRange(t, 0, f.VocabularySize - 1));
        Assert.All(e.Values, v => Assert.InRange(v, -TabularFeaturizer.ValueClip, TabularFeaturizer.ValueClip));
        // 6 numeric columns x 2 ids + cut (2+5) + color (2+7) + clarity (2+8)
        Assert.Equal(6 * 2 + 7 + 9 + 10, f.VocabularySize);
        var batch = e.Gather([5, 0]);
        Assert.Equal(e.Token(5, 1), batch.Token(0, 1));
        Assert.Equal(e.Value(0, 0), batch.Value(1, 0));
    }
}
