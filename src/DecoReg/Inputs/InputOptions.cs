using DecoReg.Inputs.Text;

namespace DecoReg.Inputs;

/// <summary>How the encoder reads a row.</summary>
public enum InputMode
{
    /// <summary>
    /// One token per numeric or categorical column; text columns (named, or found by <see cref="TextColumnRule"/>)
    /// are tokenized into subwords that join the column tokens.
    /// </summary>
    Table,

    /// <summary>
    /// The whole record (every feature column) serialized as one canonical text (<see cref="RecordText"/>) and
    /// tokenized, RegressLM style: numbers are read digit by digit, keys and values as words.
    /// </summary>
    Text,
}

/// <summary>
/// The user's choices for the input side: table or whole-record text, which columns are text, the token budget per
/// row and the subword vocabulary (trained on the training texts, or one the user brings). Validated once; stored in
/// the model file with the other options.
/// </summary>
public sealed record InputOptions
{
    /// <summary>
    /// Token budget per row for text. Debian control records average about 310 tokens with the default vocabulary;
    /// 256 keeps most of every record (the longest fields are cut first, see <see cref="TextBudget"/>) at a training
    /// cost that fits a 12k-row set in minutes on 2 cores.
    /// </summary>
    public const int DefaultMaxTokens = 256;

    public InputMode Mode { get; init; } = InputMode.Table;

    /// <summary>Columns read as text in <see cref="InputMode.Table"/> mode, besides those the rule finds.</summary>
    public IReadOnlyList<string> TextColumns { get; init; } = [];

    /// <summary>Let <see cref="TextColumnRule"/> decide which other string columns are text (table mode).</summary>
    public bool InferTextColumns { get; init; } = true;

    /// <summary>Most text tokens per row; longer rows are cut, longest fields first.</summary>
    public int MaxTokens { get; init; } = DefaultMaxTokens;

    /// <summary>Default <see cref="NgramBuckets"/>: 2^16 (measured against 2^13 and no bag in bench/README.md).</summary>
    public const int DefaultNgramBuckets = 1 << 16;

    /// <summary>
    /// Hash buckets of the n-gram bag read beside the text (<see cref="Text.NgramBag"/>): every subword, pair of
    /// neighbouring subwords and (field, subword) pair of a row (every field up to <see cref="MaxTokens"/> tokens, even
    /// where attention is cut), hashed into this many buckets, becomes one extra memory token the decoder attends to,
    /// or the whole input of the MLP backbone. 0 = no bag (the MLP backbone then cannot read text).
    /// </summary>
    public int NgramBuckets { get; init; } = DefaultNgramBuckets;

    /// <summary>How a subword vocabulary is trained on the training texts.</summary>
    public TextTokenizerOptions Tokenizer { get; init; } = new();

    /// <summary>A vocabulary the user brings (see <see cref="PretrainedTokenizer"/>); null = train one.</summary>
    public TextTokenizerSpec? Vocabulary { get; init; }

    /// <summary>How records are serialized to text.</summary>
    public RecordText.Format Format { get; init; } = RecordText.Format.Lines;

    /// <summary>Value equality, comparing the text columns element by element (a loaded model equals its options).</summary>
    public bool Equals(InputOptions? other) =>
        other is not null && Mode == other.Mode && TextColumns.SequenceEqual(other.TextColumns) &&
        InferTextColumns == other.InferTextColumns && MaxTokens == other.MaxTokens && NgramBuckets == other.NgramBuckets && Tokenizer == other.Tokenizer &&
        Equals(Vocabulary, other.Vocabulary) && Format == other.Format;

    public override int GetHashCode() => HashCode.Combine(Mode, TextColumns.Count, MaxTokens, Format);

    public void Validate()
    {
        if (MaxTokens is < 1 or > 8192) throw new DecoRegException($"--max-tokens must be between 1 and 8192 (got {MaxTokens})");
        if (NgramBuckets is < 0 or > Text.NgramBag.MaxBuckets || NgramBuckets is > 0 and < 2)
            throw new DecoRegException($"--ngram-buckets must be 0 (no n-gram bag) or between 2 and {Text.NgramBag.MaxBuckets} (got {NgramBuckets})");
        Tokenizer.Validate();
        if (Mode == InputMode.Text && TextColumns.Count > 0)
            throw new DecoRegException("text columns are for table input; with whole-record text input every column is read as text");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in TextColumns)
            if (string.IsNullOrEmpty(c) || !seen.Add(c)) throw new DecoRegException($"text column '{c}' is empty or named twice");
    }
}
