using DecoReg.Inputs.Text;
using FsCheck;
using FsCheck.Fluent;

namespace DecoReg.Tests.Inputs.Text;

public class NgramBagTests
{
    [Fact]
    public void Bags_AreDistinctSortedBuckets_WithUnitNorm_AndDeterministic()
    {
        var gen = from n in Gen.Choose(1, 60)
                  from ids in Gen.ArrayOf(Gen.Choose(1, 500).Select(i => (long)i), n)
                  from fields in Gen.ArrayOf(Gen.Choose(0, 4).Select(f => (float)f), n)
                  from buckets in Gen.Choose(2, 5000)
                  select (ids, fields, buckets);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (ids, weights) = NgramBag.Of(t.ids, t.fields, t.buckets);
            var again = NgramBag.Of(t.ids, t.fields, t.buckets);
            double norm = Math.Sqrt(weights.Sum(w => (double)w * w));
            return ids.Length == weights.Length && ids.Length > 0
                && ids.All(b => b >= 1 && b < t.buckets)
                && ids.Zip(ids.Skip(1)).All(p => p.First < p.Second)
                && weights.All(w => w > 0) && Math.Abs(norm - 1) < 1e-5
                && ids.SequenceEqual(again.Ids) && weights.SequenceEqual(again.Weights);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Counts_Unigrams_FieldUnigrams_AndBigramsWithinAField()
    {
        const int buckets = 1 << 20;   // large enough that these few n-grams do not collide
        // One field: 3 unigrams + 3 (field, unigram) + 2 bigrams.
        Assert.Equal(8, NgramBag.Of([5, 6, 7], [1, 1, 1], buckets).Ids.Length);
        // A field boundary between 6 and 7 removes the bigram (6, 7).
        Assert.Equal(7, NgramBag.Of([5, 6, 7], [1, 1, 2], buckets).Ids.Length);
        // Repeating a token raises its weight above the others'; padding (0) adds nothing.
        var (ids, weights) = NgramBag.Of([5, 5, 0], [1, 1, 1], buckets);
        Assert.Equal(3, ids.Length);   // unigram 5, (field 1, 5), bigram (5, 5)
        Assert.Equal(2, weights.Count(w => Math.Abs(w - weights.Max()) < 1e-6));
        // The same word in another field is another (field, word) n-gram but the same word.
        var a = NgramBag.Of([5], [1], buckets).Ids;
        var b = NgramBag.Of([5], [2], buckets).Ids;
        Assert.Single(a.Intersect(b));
        // Triples of neighbouring subwords within a field, when asked for: one more n-gram for 5 6 7, none across a field.
        Assert.Equal(9, NgramBag.Of([5, 6, 7], [1, 1, 1], buckets, triples: true).Ids.Length);
        Assert.Equal(7, NgramBag.Of([5, 6, 7], [1, 1, 2], buckets, triples: true).Ids.Length);
        Assert.Equal(7, NgramBag.Of([5, 6, 0, 7], [1, 1, 1, 1], buckets, triples: true).Ids.Length);   // padding breaks it
        // Order matters: 7 6 5 is another triple (and other bigrams), the unigrams are shared.
        var forward = NgramBag.Of([5, 6, 7], [1, 1, 1], buckets, triples: true).Ids;
        var backward = NgramBag.Of([7, 6, 5], [1, 1, 1], buckets, triples: true).Ids;
        Assert.Equal(6, forward.Intersect(backward).Count());
    }
}
