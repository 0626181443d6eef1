namespace DecoReg.Inputs.Text;

/// <summary>
/// The one place that makes text tokenizers: <see cref="Train"/> a subword vocabulary on training texts, or rebuild any
/// tokenizer from its persisted <see cref="TextTokenizerSpec"/> (one line per kind).
/// </summary>
public static class TextTokenizers
{
    /// <summary>Trains a byte-level BPE <see cref="SubwordTokenizer"/> on <paramref name="texts"/>.</summary>
    public static ITextTokenizer Train(IEnumerable<string?> texts, TextTokenizerOptions options) =>
        SubwordTokenizer.Train(texts, options);

    /// <summary>The tokenizer a spec describes; an unknown kind or malformed spec is a <see cref="DecoRegException"/>.</summary>
    public static ITextTokenizer FromSpec(TextTokenizerSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Kind switch
        {
            TextTokenizerSpec.SubwordBpe => SubwordTokenizer.FromSpec(spec),
            TextTokenizerSpec.PretrainedBpe or TextTokenizerSpec.PretrainedSentencePiece => PretrainedTokenizer.FromSpec(spec),
            _ => throw new DecoRegException(
                $"unknown text tokenizer kind '{spec.Kind}' (expected {TextTokenizerSpec.SubwordBpe}, {TextTokenizerSpec.PretrainedBpe} or {TextTokenizerSpec.PretrainedSentencePiece})"),
        };
    }
}
