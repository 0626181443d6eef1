using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DecoReg.Model;

/// <summary>
/// Multi-head attention split into its projections so that keys and values can be computed once and cached:
/// self-attention caches grow by one position per decoding step; cross-attention keys/values of the encoder output
/// are computed once per input. Uses libtorch's fused scaled-dot-product attention.
/// </summary>
internal sealed class Attention : nn.Module
{
    private readonly Linear query, key, value, output;
    private readonly int heads, headDim;

    public Attention(int modelDim, int heads) : base(nameof(Attention))
    {
        this.heads = heads;
        headDim = modelDim / heads;
        query = nn.Linear(modelDim, modelDim);
        key = nn.Linear(modelDim, modelDim);
        value = nn.Linear(modelDim, modelDim);
        output = nn.Linear(modelDim, modelDim);
        RegisterComponents();
    }

    /// <summary>[batch, length, d] → [batch, heads, length, headDim].</summary>
    private Tensor Split(Tensor x) => x.view(x.shape[0], x.shape[1], heads, headDim).transpose(1, 2);

    /// <summary>Keys and values of a source sequence, [batch, heads, length, headDim] each.</summary>
    public (Tensor Keys, Tensor Values) KeysValues(Tensor source) => (Split(key.call(source)), Split(value.call(source)));

    /// <summary>Attends queries from <paramref name="x"/> to precomputed keys/values.</summary>
    /// <param name="mask">Optional boolean mask broadcastable to [batch, heads, q, k]; true = may attend.</param>
    public Tensor Attend(Tensor x, Tensor keys, Tensor values, bool causal, Tensor? mask = null)
    {
        using var q = Split(query.call(x));
        using var a = nn.functional.scaled_dot_product_attention(q, keys, values, mask, 0.0, causal);
        using var merged = a.transpose(1, 2).reshape(x.shape[0], x.shape[1], heads * headDim);
        return output.call(merged);
    }
}
