using DecoReg.Model;
using static TorchSharp.torch;

namespace DecoReg.Training;

/// <summary>
/// Training-ready examples as tensors: encoder inputs plus the target tensors a model's loss reads (for the
/// decoding regressor: target tokens [rows, length] and the grammar state before each token, computed once so the
/// masked loss needs no per-sample work; for a point or density head: the scaled target [rows]).
/// </summary>
public sealed class TrainingSet : IDisposable
{
    public TrainingSet(InputBatch inputs, params Tensor[] targets)
    {
        Inputs = inputs;
        Targets = targets;
    }

    public InputBatch Inputs { get; }
    public IReadOnlyList<Tensor> Targets { get; }
    public int Count => (int)Inputs.Count;

    /// <summary>The examples at <paramref name="index"/> (int64 tensor), created in the caller's dispose scope.</summary>
    public TrainingBatch Select(Tensor index) =>
        new(Inputs.Select(index), Targets.Select(t => t.index_select(0, index)).ToArray());

    public void Dispose()
    {
        Inputs.Dispose();
        foreach (var t in Targets) t.Dispose();
    }
}

/// <summary>One mini-batch: inputs and the matching rows of each target tensor.</summary>
public sealed record TrainingBatch(InputBatch Inputs, Tensor[] Targets);
