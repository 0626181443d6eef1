using DecoReg.Inputs.Text;

namespace DecoReg.Inputs;

/// <summary>
/// What a model learned about its text input, stored in the model file: the tokenizer (its whole vocabulary), the
/// token budget, the record format, which columns are text (null = the whole record is one text) and how many
/// training rows had to be cut to the budget.
/// </summary>
public sealed record TextInput(TextTokenizerSpec Tokenizer, int MaxTokens, RecordText.Format Format, IReadOnlyList<string>? TextColumns)
{
    /// <summary>
    /// The field names (keys) seen in training, in order: a text token carries the 1-based index of the field its
    /// <c>key: value</c> line belongs to (0 = a key never seen in training, or no key), so the encoder can tell a word
    /// in the section from the same word in a description.
    /// </summary>
    public IReadOnlyList<string> Fields { get; init; } = [];

    /// <summary>Hash buckets of the n-gram bag (<see cref="Text.NgramBag"/>); 0 = none (and in model files from before it).</summary>
    public int NgramBuckets { get; init; }

    /// <summary>
    /// Whether the n-gram bag reads every field up to the token budget each (true for models trained since) or only
    /// the tokens the budget kept for attention (false: model files from before, which keep predicting as trained).
    /// </summary>
    public bool BagReadsWholeFields { get; init; }

    /// <summary>
    /// Whether the n-gram bag also counts triples of neighbouring subwords within a field (true for models trained since;
    /// false in model files from before, which keep their bags).
    /// </summary>
    public bool BagTriples { get; init; }

    /// <summary>Training rows whose text exceeded <see cref="MaxTokens"/> and was cut.</summary>
    public int TruncatedRows { get; init; }

    /// <summary>Mean text tokens per training row (after cutting).</summary>
    public double MeanTokens { get; init; }
}
