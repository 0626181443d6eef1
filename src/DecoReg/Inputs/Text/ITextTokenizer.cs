namespace DecoReg.Inputs.Text;

/// <summary>
/// Turns text into token ids for the text encoder and back. Ids run from 0 to <see cref="VocabularySize"/> − 1 with
/// no padding id: the caller adds its own offsets and padding. <see cref="Spec"/> is the persisted form a model file
/// stores; <see cref="TextTokenizers.FromSpec"/> rebuilds the same tokenizer from it.
/// </summary>
public interface ITextTokenizer
{
    /// <summary>Number of ids; every id this tokenizer returns is in [0, VocabularySize).</summary>
    int VocabularySize { get; }

    /// <summary>The persisted form (a small JSON-serializable record with a <see cref="TextTokenizerSpec.Kind"/>).</summary>
    TextTokenizerSpec Spec { get; }

    /// <summary>All the token ids of <paramref name="text"/>.</summary>
    int[] Encode(string text);

    /// <summary>
    /// Writes the first ids of <paramref name="text"/> into <paramref name="destination"/> and returns how many were
    /// written. Stops as soon as the destination is full, so a huge text costs only its prefix;
    /// <paramref name="truncated"/> tells whether the text had more tokens than fit.
    /// </summary>
    int Encode(ReadOnlySpan<char> text, Span<int> destination, out bool truncated);

    /// <summary>At most <paramref name="maxTokens"/> ids of <paramref name="text"/>; <paramref name="truncated"/> tells whether some were cut.</summary>
    int[] Encode(ReadOnlySpan<char> text, int maxTokens, out bool truncated)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxTokens);
        // A UTF-16 character is at most 3 UTF-8 bytes, so no tokenizer here yields more ids than that (+ a prefix).
        var buffer = new int[(int)Math.Min(maxTokens, 3L * text.Length + 4)];
        int count = Encode(text, buffer, out truncated);
        return count == buffer.Length ? buffer : buffer[..count];
    }

    /// <summary>The text of a sequence of ids (for the trained subword tokenizer the exact inverse of <see cref="Encode(string)"/>).</summary>
    string Decode(ReadOnlySpan<int> ids);

    /// <summary>A readable form of one token, for debugging and the <c>tokenize</c> verb.</summary>
    string TokenText(int id);
}
