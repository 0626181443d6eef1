namespace DecoReg.Inputs.Text;

/// <summary>
/// A row's text as a bag of hashed n-grams, the inductive bias of TF-IDF models given to the network beside its
/// attention over tokens: every subword, every pair of neighbouring subwords within a field, every (field, subword)
/// pair and (optionally) every triple of neighbouring subwords within a field is hashed into one of <c>buckets</c>
/// buckets (1..buckets-1; 0 is padding), counted, and the counts are scaled to unit L2 norm. Deterministic (a fixed
/// 64-bit mix, no randomized string hashing), so a model file reproduces the same bags. Triples: with a small subword
/// vocabulary a word is often three or more pieces, so they stand in for the character n-grams TF-IDF models use.
/// </summary>
public static class NgramBag
{
    /// <summary>Largest number of buckets accepted.</summary>
    public const int MaxBuckets = 1 << 22;

    /// <summary>The bag of one row: bucket ids and their weights (same length, ids distinct, sorted); <paramref name="triples"/> adds subword triples.</summary>
    public static (long[] Ids, float[] Weights) Of(ReadOnlySpan<long> ids, ReadOnlySpan<float> fields, int buckets, bool triples = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(buckets, 2);
        if (fields.Length != ids.Length) throw new ArgumentException("one field id per token expected", nameof(fields));
        var counts = new Dictionary<long, int>();
        void Add(ulong key)
        {
            long bucket = 1 + (long)(Mix(key) % (ulong)(buckets - 1));
            counts[bucket] = counts.GetValueOrDefault(bucket) + 1;
        }
        for (int i = 0; i < ids.Length; i++)
        {
            if (ids[i] == 0) continue;
            ulong id = (ulong)ids[i], field = (ulong)fields[i];
            Add(1UL << 60 | id);
            Add(2UL << 60 | field << 32 | id);
            if (i > 0 && ids[i - 1] != 0 && fields[i - 1] == fields[i]) Add(3UL << 60 | (ulong)ids[i - 1] << 30 | id);
            if (triples && i > 1 && ids[i - 1] != 0 && ids[i - 2] != 0 && fields[i - 2] == fields[i] && fields[i - 1] == fields[i])
                Add(4UL << 60 ^ Mix((ulong)ids[i - 2] << 30 | (ulong)ids[i - 1]) >> 4 ^ id);
        }
        var keys = counts.Keys.Order().ToArray();
        double norm = Math.Sqrt(keys.Sum(k => (double)counts[k] * counts[k]));
        var weights = keys.Select(k => (float)(counts[k] / norm)).ToArray();
        return (keys, weights);
    }

    /// <summary>SplitMix64's finalizer: a fixed, well-spread 64-bit mix.</summary>
    private static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
