using DecoReg.Inputs.Text;
using FsCheck;
using FsCheck.Fluent;

namespace DecoReg.Tests.Inputs.Text;

public class TextBudgetTests
{
    [Fact]
    public void Caps_FitTheBudget_AndCutTheLongestFieldsFirst()
    {
        var gen = from count in Gen.Choose(1, 12)
                  from lengths in Gen.ArrayOf(Gen.Choose(0, 300), count)
                  from budget in Gen.Choose(1, 400)
                  select (lengths, budget);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (lengths, budget) = t;
            var keep = TextBudget.Caps(lengths, budget);
            long total = lengths.Sum(l => (long)l);
            bool fits = keep.Sum() == Math.Min(total, budget);
            bool within = keep.Zip(lengths).All(p => p.First >= 0 && p.First <= p.Second);
            // Max-min fair: a field that lost tokens keeps at least as many as any other field, less one.
            bool fair = Enumerable.Range(0, lengths.Length).Where(i => keep[i] < lengths[i])
                .All(i => keep.All(k => keep[i] >= k - 1));
            return fits && within && fair;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void ShortFieldsSurviveALongOne()
    {
        var tokenizer = TextTokenizers.Train(["name: libfoo\n", "section: libs\n", string.Concat(Enumerable.Repeat("lorem ipsum ", 200))], new TextTokenizerOptions(300));
        var budget = new TextBudget(tokenizer, 64);
        string[] fields = ["name: libfoo\n", "description: " + string.Concat(Enumerable.Repeat("lorem ipsum ", 200)) + "\n", "section: libs\n"];
        var ids = new long[64];
        int n = budget.Encode(fields, ids, out bool truncated);
        Assert.True(truncated);
        Assert.Equal(64, n);
        Assert.DoesNotContain(0L, ids[..n]);   // 0 is padding, never a text id
        var text = tokenizer.Decode(ids[..n].Select(id => (int)id - 1).ToArray());
        Assert.StartsWith("name: libfoo\ndescription: lorem", text);
        Assert.EndsWith("section: libs\n", text);
    }

    [Fact]
    public void AHugeCellCostsOnlyItsBudget()
    {
        var tokenizer = TextTokenizers.Train(["a b c"], new TextTokenizerOptions(260));
        var budget = new TextBudget(tokenizer, 64);
        var ids = new long[64];
        int n = budget.Encode([new string('x', 1_000_000) + " 🙂 日本"], ids, out bool truncated);
        Assert.Equal(64, n);
        Assert.True(truncated);
    }
}
