using DecoReg.Model;
using DecoReg.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace DecoReg.Tests.Training;

/// <summary>
/// The n-gram bag's table trains by <see cref="SparseRowAdamW"/>: the rows a batch touched move exactly as AdamW
/// moves them (repeated buckets summed first, moments carried over between steps), the other rows keep their values
/// (no decay, no momentum).
/// </summary>
public class SparseRowAdamWTests
{
    private const double LearningRate = 0.01, WeightDecay = 0.1;

    [Fact]
    public void TouchedRowsMoveAsAdamW_OtherRowsKeepTheirValues()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(3);
        var bag = new BagEmbedding(12, 4);
        Assert.True(bag.Table.requires_grad);
        var initial = bag.Table.detach().clone();
        var reference = new TorchSharp.Modules.Parameter(initial.clone());
        using var adamW = torch.optim.AdamW([reference], LearningRate, 0.9, 0.999, 1e-8, WeightDecay);
        using var lazy = new SparseRowAdamW([bag.Table], WeightDecay, clipNorm: 1e9);
        var target = torch.randn(2, 4);
        // Bucket 5 twice in the first row: its gradient is the sum of both slots. Bucket 0 is padding.
        var steps = new[]
        {
            (Ids: new long[] { 3, 5, 5, 0, 7, 9, 1, 0 }, Weights: new float[] { 0.5f, 0.3f, 0.2f, 0f, 0.6f, 0.8f, 0.1f, 0f }),
            (Ids: new long[] { 5, 9, 0, 0, 2, 3, 0, 0 }, Weights: new float[] { 0.7f, 0.7f, 0f, 0f, 0.4f, 0.9f, 0f, 0f }),
        };
        for (int step = 1; step <= steps.Length; step++)
        {
            var ids = torch.tensor(steps[step - 1].Ids, [2, 4]);
            var weights = torch.tensor(steps[step - 1].Weights, [2, 4]);
            lazy.ZeroGrad();
            (bag.forward(ids, weights) - target).pow(2).sum().backward();
            Assert.True(bag.Table.grad!.is_sparse);
            lazy.Step(LearningRate, step);

            adamW.zero_grad();
            var summed = (reference.index_select(0, ids.flatten()).view(2, 4, 4) * weights.unsqueeze(2)).sum(1);
            (nn.functional.layer_norm(summed, [4]) - target).pow(2).sum().backward();
            adamW.step();

            // Dense AdamW also decays and keeps moving (momentum) rows a step did not touch, so the two agree on the
            // rows every step so far touched: all of step 1's, then those of step 1 that step 2 touched again.
            var rows = torch.tensor(step == 1 ? new long[] { 1, 3, 5, 7, 9 } : new long[] { 3, 5, 9 });
            // Float rounding differs where an element's gradient is tiny (Adam divides by its root): 1e-4 is 1 % of a
            // step's movement at this learning rate.
            Assert.True(bag.Table.detach().index_select(0, rows).allclose(reference.detach().index_select(0, rows), rtol: 0, atol: 1e-4));
            Assert.False(bag.Table.detach().index_select(0, rows).allclose(initial.index_select(0, rows)));
        }

        var untouched = new long[] { 4, 6, 8, 10, 11 };
        var others = torch.tensor(untouched);
        Assert.True(bag.Table.detach().index_select(0, others).allclose(initial.index_select(0, others), rtol: 0, atol: 0));
        Assert.Equal(0f, bag.Table.detach()[0].abs().sum().item<float>());   // padding stays zero
    }
}
