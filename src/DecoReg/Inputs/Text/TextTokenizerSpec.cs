namespace DecoReg.Inputs.Text;

/// <summary>
/// The persisted form of an <see cref="ITextTokenizer"/>, stored in the model file so a loaded model tokenizes exactly
/// as in training. <see cref="Kind"/> says which tokenizer it is: <see cref="SubwordBpe"/> carries the trained
/// <see cref="Merges"/>; <see cref="PretrainedBpe"/> and <see cref="PretrainedSentencePiece"/> carry the user's
/// vocabulary files themselves (<see cref="Files"/>, base64), so the model file is self-contained. It is a plain
/// record for System.Text.Json: the model configuration serializes it with the rest.
/// </summary>
public sealed record TextTokenizerSpec(string Kind, int VocabularySize)
{
    /// <summary>Kind of the trained byte-level BPE (<see cref="SubwordTokenizer"/>).</summary>
    public const string SubwordBpe = "subword-bpe";

    /// <summary>Kind of a user's BPE vocabulary (<c>vocab.json</c> + <c>merges.txt</c>) loaded by Microsoft.ML.Tokenizers.</summary>
    public const string PretrainedBpe = "pretrained-bpe";

    /// <summary>Kind of a user's SentencePiece <c>.model</c> loaded by Microsoft.ML.Tokenizers.</summary>
    public const string PretrainedSentencePiece = "pretrained-sentencepiece";

    /// <summary>Subword: merge i joins ids (Merges[2i], Merges[2i+1]) into id 256 + i.</summary>
    public int[]? Merges { get; init; }

    /// <summary>Subword: the options it was trained with (for the record; not needed to rebuild it).</summary>
    public TextTokenizerOptions? Training { get; init; }

    /// <summary>Pretrained: the vocabulary files, by name (<c>vocab.json</c>, <c>merges.txt</c>, <c>model</c>), base64.</summary>
    public IReadOnlyDictionary<string, string>? Files { get; init; }

    /// <summary>Pretrained BPE: whether the vocabulary is GPT-2 style byte-level (<c>Ġ</c> for space).</summary>
    public bool ByteLevel { get; init; }

    /// <summary>Pretrained BPE: the vocabulary's unknown token, if it has one.</summary>
    public string? UnknownToken { get; init; }
}
