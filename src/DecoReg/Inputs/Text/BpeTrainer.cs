using System.Runtime.InteropServices;
using System.Text;

namespace DecoReg.Inputs.Text;

/// <summary>
/// Learns the byte-level BPE merges of a <see cref="SubwordTokenizer"/>. Texts are cut into pieces
/// (<see cref="TextSegmenter"/>) and counted once; the distinct pieces, sorted ordinally (so the input order does not
/// matter), become byte sequences. Pair counts are kept up to date incrementally: a merge only revisits the pieces
/// that contain the merged pair, and a priority queue with lazy re-insertion picks the next pair. The most frequent
/// pair wins; ties go to the smaller (left id, right id), so the result never depends on hash order.
/// No maintained .NET library trains BPE vocabularies (Microsoft.ML.Tokenizers 2.x only loads them), hence this code.
/// </summary>
internal sealed class BpeTrainer
{
    private readonly List<int[]> words = [];
    private readonly List<long> frequencies = [];
    private readonly Dictionary<long, long> pairCounts = [];
    private readonly Dictionary<long, List<int>> pairWords = [];
    private readonly PriorityQueue<long, (long Count, long Pair)> queue = new(PairOrder.Instance);

    /// <summary>The merges, in order: merge i joins (Left, Right) into id 256 + i.</summary>
    public static List<(int Left, int Right)> Learn(IEnumerable<string?> texts, TextTokenizerOptions options)
    {
        options.Validate();
        var trainer = new BpeTrainer();
        trainer.Load(CountPieces(texts));
        return trainer.Run(options.VocabularySize - SubwordTokenizer.ByteCount, options.MinFrequency);
    }

    private static Dictionary<string, long> CountPieces(IEnumerable<string?> texts)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var text in texts)
        {
            if (string.IsNullOrEmpty(text)) continue;
            var span = text.AsSpan();
            for (int start = 0; start < span.Length;)
            {
                int end = TextSegmenter.PieceEnd(span, start);
                if (end - start > 1 || span[start] >= 128)
                    CollectionsMarshal.GetValueRefOrAddDefault(lookup, span[start..end], out _)++;
                start = end;
            }
        }
        return counts;
    }

    private void Load(Dictionary<string, long> pieceCounts)
    {
        var pieces = pieceCounts.Keys.ToArray();
        Array.Sort(pieces, StringComparer.Ordinal);
        foreach (var piece in pieces)
        {
            var bytes = Encoding.UTF8.GetBytes(piece);
            if (bytes.Length < 2) continue;
            int w = words.Count;
            words.Add(Array.ConvertAll(bytes, b => (int)b));
            frequencies.Add(pieceCounts[piece]);
            AddPairs(w, record: true);
        }
        foreach (var (pair, count) in pairCounts) queue.Enqueue(pair, (count, pair));
    }

    private List<(int Left, int Right)> Run(int mergeCount, int minFrequency)
    {
        var merges = new List<(int Left, int Right)>(Math.Max(0, mergeCount));
        var fresh = new HashSet<long>();
        while (merges.Count < mergeCount && queue.TryDequeue(out long pair, out var queued))
        {
            long current = pairCounts.GetValueOrDefault(pair);
            if (current != queued.Count)
            {
                if (current >= minFrequency) queue.Enqueue(pair, (current, pair));
                continue;
            }
            if (current < minFrequency) break;
            int newId = SubwordTokenizer.ByteCount + merges.Count;
            var (left, right) = Unpack(pair);
            merges.Add((left, right));
            fresh.Clear();
            foreach (int w in pairWords[pair])
                if (MergeInWord(w, left, right, newId)) RecordFresh(w, newId, fresh);
            pairWords.Remove(pair);
            pairCounts.Remove(pair);
            foreach (long p in fresh) queue.Enqueue(p, (pairCounts[p], p));
        }
        return merges;
    }

    private bool MergeInWord(int w, int left, int right, int newId)
    {
        var word = words[w];
        int at = IndexOfPair(word, 0, left, right);
        if (at < 0) return false;
        AddPairs(w, record: false, sign: -1);
        var merged = new List<int>(word.Length - 1);
        for (int i = 0; i < word.Length;)
        {
            if (i == at)
            {
                merged.Add(newId);
                i += 2;
                at = IndexOfPair(word, i, left, right);
            }
            else merged.Add(word[i++]);
        }
        words[w] = [.. merged];
        AddPairs(w, record: false);
        return true;
    }

    private static int IndexOfPair(int[] word, int from, int left, int right)
    {
        for (int i = from; i + 1 < word.Length; i++)
            if (word[i] == left && word[i + 1] == right) return i;
        return -1;
    }

    private void RecordFresh(int w, int newId, HashSet<long> fresh)
    {
        var word = words[w];
        for (int i = 0; i + 1 < word.Length; i++)
        {
            if (word[i] != newId && word[i + 1] != newId) continue;
            long p = Pack(word[i], word[i + 1]);
            var list = WordsOf(p);
            if (list.Count == 0 || list[^1] != w) list.Add(w);
            fresh.Add(p);
        }
    }

    private void AddPairs(int w, bool record, int sign = 1)
    {
        var word = words[w];
        long frequency = sign * frequencies[w];
        for (int i = 0; i + 1 < word.Length; i++)
        {
            long p = Pack(word[i], word[i + 1]);
            CollectionsMarshal.GetValueRefOrAddDefault(pairCounts, p, out _) += frequency;
            if (!record) continue;
            var list = WordsOf(p);
            if (list.Count == 0 || list[^1] != w) list.Add(w);
        }
    }

    private List<int> WordsOf(long pair)
    {
        ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(pairWords, pair, out _);
        return list ??= [];
    }

    internal static long Pack(int left, int right) => ((long)left << 32) | (uint)right;

    private static (int Left, int Right) Unpack(long pair) => ((int)(pair >> 32), (int)(uint)pair);

    /// <summary>Higher count first; equal counts: smaller packed (left, right) first.</summary>
    private sealed class PairOrder : IComparer<(long Count, long Pair)>
    {
        public static readonly PairOrder Instance = new();

        public int Compare((long Count, long Pair) x, (long Count, long Pair) y) =>
            x.Count != y.Count ? y.Count.CompareTo(x.Count) : x.Pair.CompareTo(y.Pair);
    }
}
