namespace DecoReg.Inputs.Text;

/// <summary>
/// Encodes a record's fields (its <c>key: value</c> lines) into at most a fixed number of token ids with an explicit
/// truncation policy: <b>the longest fields are cut first</b>. Every field keeps its first min(length, T) tokens, with
/// the largest cap T that fits the budget (spare places go to the fields cut, in field order), so short fields such as
/// a name, a section or a version always survive a long description, and a 1 MB cell costs only its budget. Ids are
/// the tokenizer's plus one: 0 is padding.
/// </summary>
public sealed class TextBudget
{
    private readonly ITextTokenizer tokenizer;

    public TextBudget(ITextTokenizer tokenizer, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        if (maxTokens < 1) throw new DecoRegException($"the token budget must be at least 1 (got {maxTokens})");
        this.tokenizer = tokenizer;
        MaxTokens = maxTokens;
    }

    /// <summary>The padding id (never produced for text).</summary>
    public const long Padding = 0;

    public int MaxTokens { get; }

    /// <summary>Ids 0..VocabularySize−1, 0 being padding.</summary>
    public int VocabularySize => tokenizer.VocabularySize + 1;

    /// <summary>
    /// Writes the ids of <paramref name="fields"/> (in order) into <paramref name="destination"/> (at least
    /// <see cref="MaxTokens"/> long) and returns how many were written; <paramref name="truncated"/> says whether any
    /// field lost tokens.
    /// </summary>
    public int Encode(IReadOnlyList<string> fields, Span<long> destination, out bool truncated) =>
        Encode(fields, destination, out truncated, out _, out _);

    /// <summary>
    /// As above; <paramref name="kept"/> says how many tokens each field kept (in order), and <paramref name="whole"/>
    /// holds each field's tokenizer ids before the budget cut them (at most <see cref="MaxTokens"/> per field; the
    /// tokenizer's own ids, not plus one; read only: the tokenizer may share its arrays).
    /// </summary>
    public int Encode(IReadOnlyList<string> fields, Span<long> destination, out bool truncated, out int[] kept, out int[][] whole)
    {
        if (destination.Length < MaxTokens) throw new ArgumentException($"the destination holds fewer than {MaxTokens} ids");
        var ids = new int[fields.Count][];
        var lengths = new int[fields.Count];
        truncated = false;
        long total = 0;
        for (int f = 0; f < fields.Count; f++)
        {
            ids[f] = tokenizer.Encode(fields[f], MaxTokens, out bool cut);
            truncated |= cut;
            lengths[f] = ids[f].Length;
            total += lengths[f];
        }
        int[] keep = lengths;
        if (total > MaxTokens)
        {
            truncated = true;
            keep = Caps(lengths, MaxTokens);
        }
        int written = 0;
        for (int f = 0; f < fields.Count; f++)
            for (int j = 0; j < keep[f]; j++) destination[written++] = ids[f][j] + 1;
        kept = keep;
        whole = ids;
        return written;
    }

    /// <summary>Per-field token counts that sum to at most <paramref name="budget"/>: min(length, T) for the largest T, spare places to the cut fields in order.</summary>
    internal static int[] Caps(IReadOnlyList<int> lengths, int budget)
    {
        var sorted = lengths.Order().ToArray();
        int cap = 0;
        long used = 0;
        // Raise the cap field by field (shortest first) while everything up to it fits.
        for (int i = 0; i < sorted.Length; i++)
        {
            int remainingFields = sorted.Length - i;
            long needed = used + (long)sorted[i] * remainingFields;
            if (needed <= budget)
            {
                cap = sorted[i];
                used += sorted[i];
                continue;
            }
            cap = (int)((budget - used) / remainingFields);
            break;
        }
        var keep = new int[lengths.Count];
        long sum = 0;
        for (int f = 0; f < keep.Length; f++) sum += keep[f] = Math.Min(lengths[f], cap);
        for (int f = 0; f < keep.Length && sum < budget; f++)
            if (keep[f] < lengths[f]) { keep[f]++; sum++; }
        return keep;
    }
}
