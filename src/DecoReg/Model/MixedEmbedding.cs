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

    public MixedEmbedding(TabularEmbedding? table, TextEmbedding text, int columns) : base(nameof(MixedEmbedding))
    {
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
        return new MixedEmbedding(table, new TextEmbedding(featurizer.TextVocabularySize, featurizer.MaxTokens, featurizer.FieldCount, options), featurizer.ColumnCount);
    }

    /// <summary>Column tokens at the start of every row.</summary>
    public int Columns { get; }

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
