using static TorchSharp.torch;

namespace DecoReg.Model;

/// <summary>
/// The encoder's input side: turns an <see cref="InputBatch"/> into a [batch, length, d_model] sequence. Tabular rows
/// and (later) text plug in here without touching the decoder.
/// </summary>
public abstract class InputEmbedding : nn.Module<InputBatch, Tensor>
{
    protected InputEmbedding(string name) : base(name) { }

    /// <summary>Extra memory tokens [batch, k, d] the decoder attends to beside the encoder's states (e.g. an n-gram bag), or null.</summary>
    public virtual Tensor? Summary(InputBatch input) => null;

    /// <summary>Width of <see cref="Flat"/>; 0 when the input has no flat view (the MLP backbone cannot read it).</summary>
    public virtual long FlatWidth => 0;

    /// <summary>
    /// The whole row as one vector [batch, <see cref="FlatWidth"/>] for the <see cref="MlpBackbone"/>: table columns'
    /// embeddings side by side, a text's n-gram bag.
    /// </summary>
    public virtual Tensor Flat(InputBatch input) =>
        throw new NotSupportedException($"{GetType().Name} has no flat view for the MLP backbone");
}
