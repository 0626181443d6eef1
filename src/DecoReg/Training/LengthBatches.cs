namespace DecoReg.Training;

/// <summary>
/// Mini-batches of rows of similar length, for padded inputs such as text: each epoch the rows are shuffled, cut
/// into pools of <see cref="PoolBatches"/> batches, each pool is sorted by length and cut into batches, and the
/// batches are shuffled. A batch is then padded only to its own longest row (not to the data set's longest), which
/// on skewed lengths saves most of the padding while keeping batches random. Seeded: the same generator state gives
/// the same plan.
/// </summary>
public static class LengthBatches
{
    /// <summary>Batches per sorted pool: large enough to group lengths well, small enough to keep batches varied.</summary>
    public const int PoolBatches = 32;

    /// <summary>One epoch's batches (row indices) for rows of the given lengths.</summary>
    public static List<long[]> Plan(IReadOnlyList<int> lengths, int batchSize, Random rng)
    {
        var all = new long[lengths.Count];
        for (int i = 0; i < all.Length; i++) all[i] = i;
        return Plan(lengths, all, batchSize, rng);
    }

    /// <summary>One epoch's batches over the given rows (e.g. a task-mixed draw, repeats allowed); shuffles <paramref name="rows"/> in place.</summary>
    public static List<long[]> Plan(IReadOnlyList<int> lengths, long[] rows, int batchSize, Random rng)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var order = rows;
        int n = order.Length;
        TaskMixing.Shuffle(order, rng);
        var batches = new List<long[]>((n + batchSize - 1) / batchSize);
        int pool = batchSize * PoolBatches;
        for (int start = 0; start < n; start += pool)
        {
            var slice = order.AsSpan(start, Math.Min(pool, n - start)).ToArray();
            // Stable sort by length keeps the shuffled order among equal lengths.
            var sorted = slice.Select((row, k) => (row, k)).OrderBy(p => lengths[(int)p.row]).ThenBy(p => p.k).Select(p => p.row).ToArray();
            for (int b = 0; b < sorted.Length; b += batchSize)
                batches.Add(sorted.AsSpan(b, Math.Min(batchSize, sorted.Length - b)).ToArray());
        }
        for (int i = batches.Count - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (batches[i], batches[j]) = (batches[j], batches[i]);
        }
        return batches;
    }
}
