using DecoReg.Model;
using static TorchSharp.torch;

namespace DecoReg.Training;

/// <summary>
/// Training-ready examples as tensors: encoder inputs plus the targets a model's loss reads — for the decoding
/// regressor the target tokens and the grammar state before each token (computed once, so the masked loss needs no
/// per-sample work), for a point or density head the scaled target.
/// </summary>
public sealed class TrainingSet : IDisposable
{
    private readonly bool ownsInputs;

    private TrainingSet(InputBatch inputs, Tensor? targetTokens, Tensor? targetStates, Tensor? scaled, bool ownsInputs = true,
        TaskGroups? tasks = null)
    {
        this.ownsInputs = ownsInputs;
        Tasks = tasks;
        Inputs = inputs;
        TargetTokens = targetTokens;
        TargetStates = targetStates;
        Scaled = scaled;
    }

    /// <summary>
    /// Examples for the decoder: tokens and grammar states, [rows, length], or [rows, copies, length] with jittered
    /// copies of each target.
    /// </summary>
    /// <param name="ownsInputs">False when the inputs are shared (featurized once, used by several sets): the caller disposes them.</param>
    /// <param name="tasks">Each row's task, for a multi-task model (mixed sampling, per-task losses); null otherwise.</param>
    public static TrainingSet ForDecoder(InputBatch inputs, Tensor tokens, Tensor states, bool ownsInputs = true, TaskGroups? tasks = null) =>
        new(inputs, tokens, states, null, ownsInputs, tasks);

    /// <summary>Examples for a head on the pooled encoder: the scaled target [rows] (float32).</summary>
    public static TrainingSet ForHead(InputBatch inputs, Tensor scaled) => new(inputs, null, null, scaled);

    public InputBatch Inputs { get; }

    /// <summary>Each row's task in a multi-task set; null for a single task.</summary>
    public TaskGroups? Tasks { get; }
    public Tensor? TargetTokens { get; }
    public Tensor? TargetStates { get; }
    public Tensor? Scaled { get; }
    public int Count => (int)Inputs.Count;

    /// <summary>The examples at <paramref name="index"/> (int64 tensor), created in the caller's dispose scope.</summary>
    public TrainingBatch Select(Tensor index) =>
        new(Inputs.Select(index), TargetTokens?.index_select(0, index), TargetStates?.index_select(0, index), Scaled?.index_select(0, index));

    public void Dispose()
    {
        if (ownsInputs) Inputs.Dispose();
        TargetTokens?.Dispose();
        TargetStates?.Dispose();
        Scaled?.Dispose();
    }
}

/// <summary>One mini-batch: inputs and the matching rows of each target tensor of its <see cref="TrainingSet"/>.</summary>
public sealed record TrainingBatch(InputBatch Inputs, Tensor? TargetTokens, Tensor? TargetStates, Tensor? Scaled);
