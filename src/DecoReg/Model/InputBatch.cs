using DecoReg.Inputs;
using static TorchSharp.torch;

namespace DecoReg.Model;

/// <summary>
/// What the encoder reads for a batch of inputs: one token per input element (a table column, later a text piece),
/// an optional scalar carried by each token (a standardized numeric value), and an optional padding mask (true =
/// padding) for variable-length inputs such as text.
/// </summary>
public sealed class InputBatch : IDisposable
{
    public InputBatch(Tensor tokens, Tensor values, Tensor? padding = null, int[]? lengths = null, Tensor? bag = null, Tensor? bagWeights = null)
    {
        Bag = bag;
        BagWeights = bagWeights;
        Tokens = tokens;
        Values = values;
        Padding = padding;
        Lengths = lengths;
    }

    /// <summary>
    /// Real length of each row (host-side copy of what <see cref="Padding"/> says), or null when rows are not padded;
    /// lets a selection of rows drop the padding columns none of them uses.
    /// </summary>
    public int[]? Lengths { get; }

    /// <summary>[batch, length] int64 token ids.</summary>
    public Tensor Tokens { get; }

    /// <summary>[batch, length] float32 values (0 where a token carries none).</summary>
    public Tensor Values { get; }

    /// <summary>[batch, length] bool, true at padding positions; null when every position is real.</summary>
    public Tensor? Padding { get; }

    /// <summary>[batch, slots] int64 n-gram bucket ids (0 = empty slot), or null when the input has no n-gram bag.</summary>
    public Tensor? Bag { get; }

    /// <summary>[batch, slots] float32 weights of <see cref="Bag"/>'s buckets.</summary>
    public Tensor? BagWeights { get; }

    public long Count => Tokens.shape[0];

    /// <summary>
    /// [batch] int64: the efficient-ensemble member each row is read by (<see cref="TransformerOptions.Members"/>), or
    /// null when the network has one member. Set by <see cref="MemberBatches.Expand"/>; kept by <see cref="Select"/>.
    /// </summary>
    public Tensor? Members { get; init; }

    /// <summary>
    /// For a batch expanded to members: the row of the unexpanded batch each row copies (rows with the same source
    /// carry the same inputs), so what does not depend on the member is computed once per source row
    /// (<see cref="Backbone"/>); null otherwise. Set by <see cref="MemberBatches.Expand"/>; kept by <see cref="Select"/>.
    /// </summary>
    public int[]? SourceRows { get; init; }

    /// <summary>
    /// The tensors of encoded rows (the one place featurized rows become tensors); rows with a length get a padding
    /// mask over the positions after it.
    /// </summary>
    public static InputBatch From(EncodedInputs encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        var shape = new long[] { encoded.Rows, encoded.Columns };
        Tensor? padding = null;
        if (encoded.Lengths is { } lengths)
        {
            var positions = torch.arange(encoded.Columns, ScalarType.Int64).unsqueeze(0);
            padding = positions >= torch.tensor(lengths.Select(l => (long)l).ToArray()).unsqueeze(1);
        }
        Tensor? bag = null, bagWeights = null;
        if (encoded.Bags is { } bags)
        {
            var bagShape = new long[] { encoded.Rows, bags.Width };
            (bag, bagWeights) = (torch.tensor(bags.Ids, bagShape), torch.tensor(bags.Weights, bagShape));
        }
        return new InputBatch(torch.tensor(encoded.Tokens, shape), torch.tensor(encoded.Values, shape), padding, encoded.Lengths, bag, bagWeights);
    }

    /// <summary>The rows at the given indices.</summary>
    public InputBatch Select(Tensor index)
    {
        Tensor? bag = null, bagWeights = null;
        if (Bag is not null)
        {
            // Each row's buckets come first, so the selection's widest bag is its largest count of non-empty slots.
            using var selected = Bag.index_select(0, index);
            long slots = Math.Max(1, selected.ne(0).sum(1).max().item<long>());
            bag = selected.narrow(1, 0, slots);
            bagWeights = BagWeights!.index_select(0, index).narrow(1, 0, slots);
        }
        var members = Members?.index_select(0, index);
        var rows = Lengths is null && SourceRows is null ? null : index.data<long>().ToArray();
        var sources = SourceRows is null ? null : rows!.Select(r => SourceRows[r]).ToArray();
        if (Lengths is null)
            return new(Tokens.index_select(0, index), Values.index_select(0, index), Padding?.index_select(0, index), null, bag, bagWeights)
                { Members = members, SourceRows = sources };
        var lengths = rows!.Select(r => Lengths[r]).ToArray();
        long width = Math.Max(1, lengths.DefaultIfEmpty(0).Max());
        Tensor Cut(Tensor t) => t.index_select(0, index).narrow(1, 0, width);
        return new(Cut(Tokens), Cut(Values), Cut(Padding!), lengths, bag, bagWeights) { Members = members, SourceRows = sources };
    }

    public void Dispose()
    {
        Tokens.Dispose();
        Values.Dispose();
        Padding?.Dispose();
        Bag?.Dispose();
        BagWeights?.Dispose();
        Members?.Dispose();
    }
}
