using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DecoReg.Training;

/// <summary>
/// AdamW for tables whose gradients are sparse (the n-gram bag's buckets, <see cref="Model.BagEmbedding"/>): a step
/// updates only the rows the batch touched — their moments, weight decay and parameter — with the global step's bias
/// correction ("lazy" Adam), and clips those rows' gradient to the training's norm on its own. Why: the dense rule
/// materialized the whole table's gradient and AdamW's temporaries every step (67 MB blocks for the MLP's 2^16 × 256
/// bag, each mapped and zero-filled afresh, or kept by the allocator: 12 GB resident on the 12k Debian records);
/// touched rows only, the same training peaks at about 3 GB, runs 1.2–1.6× faster and ranks the same (bench/README.md,
/// "Sparse bag updates"). Hand-written: TorchSharp's optimizers reject sparse gradients and it has no SparseAdam.
/// </summary>
internal sealed class SparseRowAdamW : IDisposable
{
    /// <summary>AdamW's moment decays and denominator offset, for the dense parameters as well (<see cref="TrainingRun"/>).</summary>
    internal const double Beta1 = 0.9, Beta2 = 0.999, Epsilon = 1e-8;
    private readonly Parameter[] tables;
    private readonly (Tensor First, Tensor Second)[] moments;
    private readonly double weightDecay, clipNorm;

    public SparseRowAdamW(IReadOnlyList<Parameter> tables, double weightDecay, double clipNorm)
    {
        this.tables = [.. tables];
        moments = this.tables.Select(p => (torch.zeros_like(p), torch.zeros_like(p))).ToArray();
        this.weightDecay = weightDecay;
        this.clipNorm = clipNorm;
    }

    /// <summary>Drops the tables' gradients (sparse gradients accumulate by concatenation, so they are dropped, not zeroed).</summary>
    public void ZeroGrad()
    {
        foreach (var p in tables) p.grad = null;
    }

    /// <summary>One update at learning rate <paramref name="learningRate"/>; <paramref name="step"/> counts from 1.</summary>
    public void Step(double learningRate, long step)
    {
        if (tables.Length == 0) return;
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        double correction1 = 1 - Math.Pow(Beta1, step), correction2 = 1 - Math.Pow(Beta2, step);
        for (int i = 0; i < tables.Length; i++)
        {
            var table = tables[i];
            if (table.grad is not { } grad) continue;
            var (rows, values) = Coalesce(grad);
            double norm = values.norm().item<float>();
            if (norm > clipNorm) values = values * (clipNorm / (norm + 1e-6));
            var (first, second) = moments[i];
            var m = first.index_select(0, rows).mul_(Beta1).add_(values, alpha: 1 - Beta1);
            var v = second.index_select(0, rows).mul_(Beta2).addcmul_(values, values, value: 1 - Beta2);
            first.index_copy_(0, rows, m);
            second.index_copy_(0, rows, v);
            var denominator = (v / correction2).sqrt_().add_(Epsilon);
            var updated = table.index_select(0, rows).mul_(1 - learningRate * weightDecay)
                .addcdiv_(m, denominator, value: -learningRate / correction1);
            table.index_copy_(0, rows, updated);
        }
    }

    /// <summary>A sparse [rows, width] gradient as its distinct rows and their summed values (TorchSharp has no coalesce).</summary>
    private static (Tensor Rows, Tensor Values) Coalesce(Tensor grad)
    {
        var (rows, inverse, _) = torch.unique(grad.SparseIndices[0], sorted: true, return_inverse: true);
        var slots = grad.SparseValues;
        var values = torch.zeros(rows.shape[0], slots.shape[1], dtype: slots.dtype).index_add_(0, inverse!, slots, 1.0);
        return (rows, values);
    }

    public void Dispose()
    {
        foreach (var (first, second) in moments)
        {
            first.Dispose();
            second.Dispose();
        }
    }
}
