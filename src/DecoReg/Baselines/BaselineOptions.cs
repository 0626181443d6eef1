using DecoReg.Model;
using DecoReg.Training;

namespace DecoReg.Baselines;

/// <summary>
/// How a baseline head is built and trained: the same <see cref="TransformerOptions"/> (backbone, sizes and members;
/// the decoder sizes are unused) and <see cref="TrainingOptions"/> records the decoding regressor uses, so a benchmark
/// can give every method the identical backbone and training budget. By default (backbone Auto) a head reads table rows
/// as the regressor's default does: TabM's MLP backbone with its members; pin <see cref="BackboneKind.Transformer"/> for
/// the column-token encoder. The head is an MLP of <see cref="HeadHidden"/> units (0 = the model dimension) on the mean
/// of the backbone's states.
/// </summary>
public sealed record BaselineOptions
{
    public TransformerOptions Network { get; init; } = new();
    public TrainingOptions Training { get; init; } = new();
    /// <summary>Hidden width of the head's MLP; 0 means <see cref="TransformerOptions.ModelDim"/>.</summary>
    public int HeadHidden { get; init; }
    /// <summary>libtorch intra-op threads; 0 keeps libtorch's default.</summary>
    public int Threads { get; init; }

    public void Validate()
    {
        Network.Validate();
        Training.Validate();
        if (HeadHidden < 0) throw new DecoRegException($"head width {HeadHidden} must be ≥ 0");
        if (Threads < 0) throw new DecoRegException($"threads {Threads} must be ≥ 0");
    }
}
