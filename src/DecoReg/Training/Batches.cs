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

    /// <summary>
    /// Rows per evaluation batch for these inputs: <see cref="EvaluationSize"/> for tables, fewer for padded text so
    /// that a batch holds at most about 64k tokens (attention memory grows with rows × length²).
    /// </summary>
    public static int EvaluationRows(Model.InputBatch inputs) =>
        inputs.Lengths is null ? EvaluationSize : (int)Math.Clamp(65536 / Math.Max(1, inputs.Tokens.shape[1]), 16, EvaluationSize);

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

    /// <summary>As above over the given rows (in their order): <paramref name="body"/>(first position, row index tensor).</summary>
    public static void ForEach(long[] rows, int size, Action<int, Tensor> body)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        for (int start = 0; start < rows.Length; start += size)
        {
            using var scope = torch.NewDisposeScope();
            body(start, torch.tensor(rows.AsSpan(start, Math.Min(size, rows.Length - start)).ToArray()));
        }
    }
}
