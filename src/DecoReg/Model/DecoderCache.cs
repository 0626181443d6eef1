using static TorchSharp.torch;

namespace DecoReg.Model;

/// <summary>
/// Key/value cache for incremental decoding of a set of live sequences. Cross-attention keys/values are computed
/// once per input row; each live sequence points at its row through <see cref="Rows"/>. Self-attention keys/values
/// grow by one position per step. <see cref="Select"/> reorders or duplicates live sequences (prefix expansion).
/// Tensors are created in the caller's dispose scope.
/// </summary>
public sealed class DecoderCache
{
    internal DecoderCache(Tensor[] crossKeys, Tensor[] crossValues, Tensor? memoryMask, Tensor rows)
    {
        CrossKeys = crossKeys;
        CrossValues = crossValues;
        MemoryMask = memoryMask;
        Rows = rows;
        SelfKeys = new Tensor?[crossKeys.Length];
        SelfValues = new Tensor?[crossKeys.Length];
    }

    /// <summary>Per layer, [rows, heads, memoryLength, headDim] (one entry per input row, not per sequence).</summary>
    internal Tensor[] CrossKeys { get; }
    internal Tensor[] CrossValues { get; }

    /// <summary>Optional [rows, 1, 1, memoryLength] attendable-position mask.</summary>
    internal Tensor? MemoryMask { get; }

    /// <summary>Per layer, [live, heads, steps, headDim]; null before the first step.</summary>
    internal Tensor?[] SelfKeys { get; }
    internal Tensor?[] SelfValues { get; }

    /// <summary>[live] int64: the input row of each live sequence.</summary>
    public Tensor Rows { get; private set; }

    /// <summary>Number of tokens already fed.</summary>
    public int Steps { get; internal set; }

    public long Live => Rows.shape[0];

    /// <summary>Keeps live sequences at <paramref name="index"/> (into the current live set), in that order, with repeats.</summary>
    public void Select(Tensor index)
    {
        Rows = Rows.index_select(0, index);
        for (int l = 0; l < SelfKeys.Length; l++)
        {
            if (SelfKeys[l] is null) continue;
            SelfKeys[l] = SelfKeys[l]!.index_select(0, index);
            SelfValues[l] = SelfValues[l]!.index_select(0, index);
        }
    }
}
