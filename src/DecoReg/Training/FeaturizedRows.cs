using DecoReg.Inputs;
using DecoReg.Model;

namespace DecoReg.Training;

/// <summary>
/// The training rows and the hold-out of one training run, each run through the input encoder once (for text: tokenized
/// once) and shared by every network and every scaling candidate, which only add their own target tokens.
/// </summary>
public sealed class FeaturizedRows : IDisposable
{
    public FeaturizedRows(IInputEncoder encoder, Dataset train, Dataset validation)
    {
        Train = train;
        Validation = validation;
        Encoded = encoder.Encode(train.Features);
        TrainInputs = InputBatch.From(Encoded);
        ValidationInputs = InputBatch.From(encoder.Encode(validation.Features));
    }

    public Dataset Train { get; }
    public Dataset Validation { get; }

    /// <summary>The training rows as the encoder wrote them (row lengths, rows cut to the text budget).</summary>
    public EncodedInputs Encoded { get; }

    public InputBatch TrainInputs { get; }
    public InputBatch ValidationInputs { get; }

    public void Dispose()
    {
        TrainInputs.Dispose();
        ValidationInputs.Dispose();
    }
}
