using static TorchSharp.torch;

namespace DecoReg.Training;

/// <summary>
/// The one batched pass over a set in row order (evaluation losses, likelihoods, calibration, head outputs): each
/// batch runs inside its own dispose scope with an int64 index tensor of its rows.
/// </summary>
public static class Batches
{
    /// <summary>Rows per batch when nothing is learned (no gradients kept, so larger than training batches).</summary>
    public const int EvaluationSize = 2048;

    /// <summary>Calls <paramref name="body"/>(first row, row index tensor) for consecutive batches of at most <paramref name="size"/> rows.</summary>
    public static void ForEach(int count, int size, Action<int, Tensor> body)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        for (int start = 0; start < count; start += size)
        {
            using var scope = torch.NewDisposeScope();
            int rows = Math.Min(size, count - start);
            body(start, torch.arange(start, start + rows, ScalarType.Int64));
        }
    }
}
