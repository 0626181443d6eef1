using System.Buffers;
using System.Collections.Concurrent;
using System.Text;

namespace DecoReg.Inputs.Text;

/// <summary>
/// A byte-level BPE tokenizer trained on the training texts (<see cref="Train"/>). Ids 0–255 are the UTF-8 bytes, so
/// any text encodes with no unknown token (byte fallback); id 256 + i is merge i. The ASCII digits are the byte ids
/// 48–57 and are never merged: a number is read digit by digit. Pieces (<see cref="TextSegmenter"/>) bound the merges.
/// <see cref="Decode"/> is the exact inverse of <see cref="Encode(string)"/> for every valid UTF-16 string; a lone
/// surrogate is encoded as U+FFFD (UTF-8's replacement), and ids that cut a character in two decode to U+FFFD.
/// Encoding caches piece → ids, so repeated words cost one lookup; the instance is safe to use from several threads.
/// </summary>
public sealed class SubwordTokenizer : ITextTokenizer
{
    /// <summary>Number of byte tokens (ids 0–255), always in the vocabulary.</summary>
    public const int ByteCount = 256;

    private const int MaxCachedPieces = 1 << 18;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly (int Left, int Right)[] merges;
    private readonly Dictionary<long, int> mergeIds;
    private readonly byte[][] tokenBytes;
    private readonly ConcurrentDictionary<string, int[]> cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> cacheLookup;
    private int cachedPieces;   // ConcurrentDictionary.Count takes every lock: too slow to ask per piece

    private SubwordTokenizer((int Left, int Right)[] merges, TextTokenizerOptions? options)
    {
        this.merges = merges;
        mergeIds = new Dictionary<long, int>(merges.Length);
        tokenBytes = new byte[ByteCount + merges.Length][];
        for (int b = 0; b < ByteCount; b++) tokenBytes[b] = [(byte)b];
        for (int i = 0; i < merges.Length; i++)
        {
            var (left, right) = merges[i];
            tokenBytes[ByteCount + i] = [.. tokenBytes[left], .. tokenBytes[right]];
            mergeIds[BpeTrainer.Pack(left, right)] = ByteCount + i;
        }
        cacheLookup = cache.GetAlternateLookup<ReadOnlySpan<char>>();
        Spec = new TextTokenizerSpec(TextTokenizerSpec.SubwordBpe, VocabularySize)
        {
            Merges = merges.SelectMany(m => new[] { m.Left, m.Right }).ToArray(),
            Training = options,
        };
    }

    /// <summary>Trains the merges on <paramref name="texts"/> (null or empty texts are skipped); deterministic.</summary>
    public static SubwordTokenizer Train(IEnumerable<string?> texts, TextTokenizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(options);
        return new SubwordTokenizer([.. BpeTrainer.Learn(texts, options)], options);
    }

    /// <summary>Rebuilds a tokenizer from its persisted form; a malformed form is a <see cref="DecoRegException"/>.</summary>
    public static SubwordTokenizer FromSpec(TextTokenizerSpec spec)
    {
        var flat = spec.Merges ?? throw new DecoRegException("subword tokenizer: the stored form has no merges");
        if (flat.Length % 2 != 0)
            throw new DecoRegException($"subword tokenizer: the stored merges have an odd length {flat.Length}");
        var pairs = new (int Left, int Right)[flat.Length / 2];
        for (int i = 0; i < pairs.Length; i++)
        {
            int left = flat[2 * i], right = flat[2 * i + 1], limit = ByteCount + i;
            if (left < 0 || left >= limit || right < 0 || right >= limit || IsDigit(left) || IsDigit(right))
                throw new DecoRegException(
                    $"subword tokenizer: stored merge {i} ({left}, {right}) is invalid (ids must be below {limit} and not digits)");
            pairs[i] = (left, right);
        }
        if (spec.VocabularySize != ByteCount + pairs.Length)
            throw new DecoRegException(
                $"subword tokenizer: stored vocabulary size {spec.VocabularySize} does not match its {pairs.Length} merges");
        return new SubwordTokenizer(pairs, spec.Training);
    }

    /// <summary>The id of an ASCII digit character ('0'–'9'), the same in every subword vocabulary.</summary>
    public static int DigitId(char digit) =>
        digit is >= '0' and <= '9' ? digit : throw new ArgumentOutOfRangeException(nameof(digit), digit, "not an ASCII digit");

    public int VocabularySize => ByteCount + merges.Length;

    public TextTokenizerSpec Spec { get; }

    /// <summary>The merges in order: merge i joins (Left, Right) into id 256 + i.</summary>
    public IReadOnlyList<(int Left, int Right)> Merges => merges;

    public int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new List<int>(text.Length / 3 + 1);
        var span = text.AsSpan();
        for (int start = 0; start < span.Length;)
        {
            int end = TextSegmenter.PieceEnd(span, start);
            ids.AddRange(PieceIds(span[start..end]));
            start = end;
        }
        return [.. ids];
    }

    public int Encode(ReadOnlySpan<char> text, Span<int> destination, out bool truncated)
    {
        int count = 0;
        for (int start = 0; start < text.Length;)
        {
            if (count == destination.Length)
            {
                truncated = true;
                return count;
            }
            int end = TextSegmenter.PieceEnd(text, start);
            var ids = PieceIds(text[start..end]);
            int take = Math.Min(ids.Length, destination.Length - count);
            ids.AsSpan(0, take).CopyTo(destination[count..]);
            count += take;
            if (take < ids.Length)
            {
                truncated = true;
                return count;
            }
            start = end;
        }
        truncated = false;
        return count;
    }

    public string Decode(ReadOnlySpan<int> ids)
    {
        int length = 0;
        foreach (int id in ids) length += Bytes(id).Length;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        try
        {
            int at = 0;
            foreach (int id in ids)
            {
                var bytes = tokenBytes[id];
                bytes.CopyTo(buffer, at);
                at += bytes.Length;
            }
            return Utf8.GetString(buffer, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public string TokenText(int id) => TokenDisplay.Of(Bytes(id));

    private byte[] Bytes(int id) =>
        (uint)id < (uint)tokenBytes.Length
            ? tokenBytes[id]
            : throw new ArgumentOutOfRangeException(nameof(id), id, $"token ids run from 0 to {tokenBytes.Length - 1}");

    private static bool IsDigit(int id) => id is >= '0' and <= '9';

    private int[] PieceIds(ReadOnlySpan<char> piece)
    {
        if (piece.Length == 1 && piece[0] < 128) return ByteIds.Ascii[piece[0]];
        if (cacheLookup.TryGetValue(piece, out var cached)) return cached;
        var ids = ApplyMerges(piece);
        if (Volatile.Read(ref cachedPieces) < MaxCachedPieces && cacheLookup.TryAdd(piece, ids))
            Interlocked.Increment(ref cachedPieces);
        return ids;
    }

    /// <summary>
    /// Applies the merges to one piece: repeatedly joins the leftmost adjacent pair with the lowest merge id, which
    /// reproduces the training order (merges in rank order, left to right, non-overlapping). Pair ranks are kept per
    /// position and only the two neighbours of a join are looked up again.
    /// </summary>
    private int[] ApplyMerges(ReadOnlySpan<char> piece)
    {
        Span<byte> bytes = stackalloc byte[Utf8.GetMaxByteCount(piece.Length)];
        int n = Utf8.GetBytes(piece, bytes);
        Span<int> symbols = stackalloc int[n];
        Span<int> ranks = stackalloc int[n];
        for (int i = 0; i < n; i++) symbols[i] = bytes[i];
        for (int i = 0; i + 1 < n; i++) ranks[i] = Rank(symbols[i], symbols[i + 1]);
        while (n > 1)
        {
            int at = 0;
            for (int i = 1; i + 1 < n; i++)
                if (ranks[i] < ranks[at]) at = i;
            if (ranks[at] == int.MaxValue) break;
            symbols[at] = ranks[at];
            symbols[(at + 2)..n].CopyTo(symbols[(at + 1)..]);
            ranks[(at + 2)..n].CopyTo(ranks[(at + 1)..]);
            n--;
            if (at > 0) ranks[at - 1] = Rank(symbols[at - 1], symbols[at]);
            if (at + 1 < n) ranks[at] = Rank(symbols[at], symbols[at + 1]);
        }
        return symbols[..n].ToArray();
    }

    private int Rank(int left, int right) =>
        mergeIds.TryGetValue(BpeTrainer.Pack(left, right), out int id) ? id : int.MaxValue;

    /// <summary>Shared one-element id arrays for the ASCII characters (single-character pieces).</summary>
    private static class ByteIds
    {
        public static readonly int[][] Ascii = Enumerable.Range(0, 128).Select(b => new[] { b }).ToArray();
    }
}
