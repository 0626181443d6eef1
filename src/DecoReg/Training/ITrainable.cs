using static TorchSharp.torch;

namespace DecoReg.Training;

/// <summary>
/// A network the <see cref="Trainer"/> can fit: its module (parameters, train/eval mode, state) and the mean loss of
/// a mini-batch. The decoding regressor and the baseline heads share the trainer and differ only here.
/// </summary>
public interface ITrainable
{
    nn.Module Module { get; }

    /// <summary>Mean loss per example (or per token) of a batch; the trainer back-propagates it.</summary>
    Tensor Loss(TrainingBatch batch);
}
