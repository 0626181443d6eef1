using DecoReg.Model;

namespace DecoReg.Inference;

/// <summary>
/// Turns a batch of inputs into a distribution over complete, grammar-valid number sequences per input. One
/// implementation per algorithm: sampling (with or without the key/value cache), prefix-sharing sampling, exact
/// enumeration.
/// </summary>
public interface IDecodingStrategy
{
    /// <summary>Short name for reports, e.g. "sample-128".</summary>
    string Name { get; }

    IReadOnlyList<SequenceDistribution> Decode(EncoderDecoder model, GrammarTensors grammar, InputBatch inputs);
}
