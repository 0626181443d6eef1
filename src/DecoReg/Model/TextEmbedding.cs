using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DecoReg.Model;

/// <summary>
/// Embeds a sequence of subword token ids as E[id] + F[field] + P[position] (all learned), for text read by the encoder: the
/// whole record serialized as text, or the text columns of a table. Id 0 is padding (its positions are masked out by
/// <see cref="InputBatch.Padding"/>, so its vector never reaches a real token); sequences longer than
/// <see cref="MaxTokens"/> are cut by the featurizer before they get here.
/// </summary>
public sealed class TextEmbedding : InputEmbedding
{
    private readonly Embedding ids;
    private readonly Parameter positions;
    private readonly Embedding fields;

    /// <param name="vocabularySize">Token ids 0..vocabularySize-1, 0 being padding.</param>
    /// <param name="maxTokens">Longest sequence the position table covers.</param>
    /// <param name="fieldCount">Field ids a token can carry (see <c>TextInput.Fields</c>; 0 = unknown field).</param>
    public TextEmbedding(int vocabularySize, int maxTokens, int fieldCount, TransformerOptions options) : base(nameof(TextEmbedding))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(vocabularySize, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 1);
        MaxTokens = maxTokens;
        ids = nn.Embedding(vocabularySize, options.ModelDim, padding_idx: 0);
        using (torch.no_grad()) ids.weight!.mul_(0.5);
        positions = nn.Parameter(torch.randn(maxTokens, options.ModelDim) * 0.1);
        fields = nn.Embedding(Math.Max(1, fieldCount), options.ModelDim);
        using (torch.no_grad()) fields.weight!.mul_(0.5);
        RegisterComponents();
    }

    public int MaxTokens { get; }

    /// <summary>[batch, length] ids → [batch, length, d]; the values of the batch are ignored (text carries none).</summary>
    public override Tensor forward(InputBatch input) => Embed(input.Tokens, input.Values);

    /// <summary>The embedding of a [batch, length] block of text ids and the field id each carries (as a float).</summary>
    public Tensor Embed(Tensor tokens, Tensor fieldIds)
    {
        long length = tokens.shape[1];
        if (length > MaxTokens) throw new ArgumentException($"{length} text tokens exceed the embedding's {MaxTokens}");
        using var scope = torch.NewDisposeScope();
        var field = fields.call(fieldIds.to_type(ScalarType.Int64));
        return ids.call(tokens).Plus(field).Plus(positions.narrow(0, 0, length).unsqueeze(0)).MoveToOuterDisposeScope();
    }
}
