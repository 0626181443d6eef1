using DecoReg.Inputs;
using DecoReg.Model;
using DecoReg.Training;
using TorchSharp;

namespace DecoReg.Tests.Training;

public class LengthBatchesTests
{
    [Fact]
    public void EveryRowOnce_BatchesOfSimilarLength_Seeded()
    {
        var rng = new Random(5);
        var lengths = Enumerable.Range(0, 5000).Select(_ => rng.Next(1, 400)).ToArray();
        var plan = LengthBatches.Plan(lengths, 64, new Random(1));
        Assert.Equal(Enumerable.Range(0, 5000).Select(i => (long)i), plan.SelectMany(b => b).Order());
        Assert.All(plan, b => Assert.InRange(b.Length, 1, 64));
        // Grouping: the padding a batch needs (its longest row) is far below the data set's longest for most batches.
        double padded = plan.Sum(b => b.Length * (double)b.Max(r => lengths[r]));
        Assert.True(padded < 0.6 * lengths.Length * lengths.Max(), $"padded positions {padded} vs {lengths.Length * lengths.Max()}");
        Assert.Equal(plan.Select(b => b.ToArray()), LengthBatches.Plan(lengths, 64, new Random(1)).Select(b => b.ToArray()));
        Assert.NotEqual(plan[0], LengthBatches.Plan(lengths, 64, new Random(2))[0]);
    }

    [Fact]
    public void SelectingRows_CutsThePaddingNoneOfThemUses()
    {
        int[] lengths = [3, 7, 2, 5];
        var encoded = new EncodedInputs(4, 7, Enumerable.Range(0, 28).Select(i => (long)i).ToArray(), new float[28], lengths);
        using var batch = InputBatch.From(encoded);
        using var scope = torch.NewDisposeScope();
        var picked = batch.Select(torch.tensor(new long[] { 2, 0 }));
        Assert.Equal(new long[] { 2, 3 }, picked.Tokens.shape);
        Assert.Equal(new long[] { 14, 15, 16, 0, 1, 2 }, picked.Tokens.data<long>().ToArray());
        Assert.Equal(new[] { false, false, true, false, false, false }, picked.Padding!.data<bool>().ToArray());
        Assert.Equal(new[] { 2, 3 }, picked.Lengths);
    }
}
