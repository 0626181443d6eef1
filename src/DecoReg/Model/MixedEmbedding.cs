using DecoReg.Inputs;
using TorchSharp;
using static TorchSharp.torch;

namespace DecoReg.Model;

/// <summary>
/// A table row whose text columns are read as text: the first <see cref="Columns"/> positions of the batch are the
/// numeric and categorical column tokens (embedded by a <see cref="TabularEmbedding"/>), the rest are the subword tokens
/// of the row's text columns (embedded by a <see cref="TextEmbedding"/>, padding masked). The encoder then attends over
/// both, so the decoder sees column tokens and words side by side.
/// </summary>
public sealed class MixedEmbedding : InputEmbedding
{
    private readonly TabularEmbedding? table;
    private readonly TextEmbedding text;
    private readonly BagEmbedding? bag;

    public MixedEmbedding(TabularEmbedding? table, TextEmbedding text, int columns, BagEmbedding? bag = null) : base(nameof(MixedEmbedding))
    {
        this.bag = bag;
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        if ((table is null) != (columns == 0)) throw new ArgumentException("column tokens need a tabular embedding, and only they");
        this.table = table;
        this.text = text;
        Columns = columns;
        RegisterComponents();
    }

    /// <summary>The embedding for a text featurizer's layout (its column tokens, if any, then its text ids).</summary>
    public static MixedEmbedding For(TextFeaturizer featurizer, TransformerOptions options)
    {
        var table = featurizer.Columns is { } columns ? TabularEmbedding.For(columns, options) : null;
        var text = new TextEmbedding(featurizer.TextVocabularySize, featurizer.MaxTokens, featurizer.FieldCount, options);
        // The MLP backbone reads the bag as its input vector (as wide as its blocks); the transformer as one memory token.
        bool mlp = options.Resolve(tableRows: false).Backbone == BackboneKind.Mlp;
        int width = mlp ? options.MlpWidth : options.ModelDim;
        var bag = featurizer.Text.NgramBuckets > 0 ? new BagEmbedding(featurizer.Text.NgramBuckets, width) : null;
        return new MixedEmbedding(table, text, featurizer.ColumnCount, bag);
    }

    /// <summary>Column tokens at the start of every row.</summary>
    public int Columns { get; }

    /// <summary>The n-gram bag as one memory token [batch, 1, d], when the featurizer makes bags.</summary>
    public override Tensor? Summary(InputBatch input)
    {
        if (bag is null) return null;
        using var vector = BagOf(input);
        return vector.unsqueeze(1);
    }

    /// <summary>The column tokens' embeddings side by side, then the n-gram bag; 0 without a bag (tokens need attention).</summary>
    public override long FlatWidth => bag is null ? 0 : (table?.FlatWidth ?? 0) + bag.Width;

    public override Tensor Flat(InputBatch input)
    {
        if (bag is null) throw new NotSupportedException("text without an n-gram bag has no flat view for the MLP backbone");
        using var scope = torch.NewDisposeScope();
        var text = BagOf(input);
        if (Columns == 0) return text.MoveToOuterDisposeScope();
        using var columns = new InputBatch(input.Tokens.narrow(1, 0, Columns), input.Values.narrow(1, 0, Columns));
        return torch.cat([table!.Flat(columns), text], 1).MoveToOuterDisposeScope();
    }

    private Tensor BagOf(InputBatch input)
    {
        if (input.Bag is null || input.BagWeights is null) throw new ArgumentException("this model reads n-gram bags; the batch has none");
        return bag!.call(input.Bag, input.BagWeights);
    }

    public override Tensor forward(InputBatch input)
    {
        using var scope = torch.NewDisposeScope();
        long length = input.Tokens.shape[1];
        var parts = new List<Tensor>(2);
        if (Columns > 0)
        {
            using var columns = new InputBatch(input.Tokens.narrow(1, 0, Columns), input.Values.narrow(1, 0, Columns));
            parts.Add(table!.call(columns));
        }
        if (length > Columns)
            parts.Add(text.Embed(input.Tokens.narrow(1, Columns, length - Columns), input.Values.narrow(1, Columns, length - Columns)));
        return (parts.Count == 1 ? parts[0] : torch.cat(parts, 1)).MoveToOuterDisposeScope();
    }
}
