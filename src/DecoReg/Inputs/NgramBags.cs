namespace DecoReg.Inputs;

/// <summary>
/// Row-major n-gram bags (<see cref="Text.NgramBag"/>): <see cref="Width"/> (bucket id, weight) slots per row, each
/// row's buckets first (ascending), then padding slots with id 0.
/// </summary>
public sealed record NgramBags(int Width, long[] Ids, float[] Weights)
{
    /// <summary>Packs one bag per row into slots as wide as the largest bag.</summary>
    public static NgramBags From(IReadOnlyList<(long[] Ids, float[] Weights)> bags)
    {
        int width = Math.Max(1, bags.Select(b => b.Ids.Length).DefaultIfEmpty(0).Max());
        var ids = new long[(long)bags.Count * width];
        var weights = new float[ids.Length];
        for (int r = 0; r < bags.Count; r++)
        {
            Array.Copy(bags[r].Ids, 0, ids, (long)r * width, bags[r].Ids.Length);
            Array.Copy(bags[r].Weights, 0, weights, (long)r * width, bags[r].Weights.Length);
        }
        return new NgramBags(width, ids, weights);
    }

    /// <summary>The bags of the given rows, in that order (rows checked by <see cref="EncodedInputs.Gather"/>).</summary>
    public NgramBags Gather(ReadOnlySpan<int> rows) =>
        this with { Ids = EncodedInputs.GatherRows(Ids, Width, rows), Weights = EncodedInputs.GatherRows(Weights, Width, rows) };
}
