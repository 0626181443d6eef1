using DecoReg.Model;
using static TorchSharp.torch;

namespace DecoReg.Training;

/// <summary>
/// Training-ready examples as tensors: encoder inputs, target token sequences [rows, length] and the grammar state
/// before each target token [rows, length] (computed once, so the masked loss needs no per-sample work).
/// </summary>
public sealed class TokenizedSet : IDisposable
{
    public TokenizedSet(InputBatch inputs, Tensor targets, Tensor states)
    {
        Inputs = inputs;
        Targets = targets;
        States = states;
    }

    public InputBatch Inputs { get; }
    public Tensor Targets { get; }
    public Tensor States { get; }
    public int Count => (int)Targets.shape[0];

    /// <summary>The examples at <paramref name="index"/> (int64 tensor), created in the caller's dispose scope.</summary>
    public (InputBatch Inputs, Tensor Targets, Tensor States) Select(Tensor index) =>
        (Inputs.Select(index), Targets.index_select(0, index), States.index_select(0, index));

    public void Dispose()
    {
        Inputs.Dispose();
        Targets.Dispose();
        States.Dispose();
    }
}
