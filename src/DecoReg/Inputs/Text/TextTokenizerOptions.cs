namespace DecoReg.Inputs.Text;

/// <summary>
/// How to train a <see cref="SubwordTokenizer"/>: the vocabulary size (including the 256 byte tokens, among which the
/// ten digit tokens) and the minimum count a pair of tokens needs in the training texts to be merged. Truncation is
/// the caller's business, not an option here.
/// </summary>
public sealed record TextTokenizerOptions(int VocabularySize = TextTokenizerOptions.DefaultVocabularySize, int MinFrequency = 2)
{
    /// <summary>The default vocabulary size (measured on the Debian package records; see the tokenizer tests).</summary>
    public const int DefaultVocabularySize = 2048;

    /// <summary>Largest vocabulary accepted.</summary>
    public const int MaxVocabularySize = 1 << 20;

    /// <summary>Throws a <see cref="DecoRegException"/> naming the bad value.</summary>
    public TextTokenizerOptions Validate()
    {
        if (VocabularySize < SubwordTokenizer.ByteCount || VocabularySize > MaxVocabularySize)
            throw new DecoRegException(
                $"text tokenizer vocabulary size {VocabularySize} is out of range: it must be between {SubwordTokenizer.ByteCount} (the byte tokens) and {MaxVocabularySize}");
        if (MinFrequency < 1)
            throw new DecoRegException($"text tokenizer minimum merge frequency {MinFrequency} must be at least 1");
        return this;
    }
}
