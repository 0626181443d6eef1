namespace DecoReg.Numbers;

/// <summary>
/// A deterministic automaton over fixed-length token sequences: which tokens may come next after any valid prefix.
/// Precomputed as a dense next-state table so that training and decoding apply it as a tensor mask indexed by state,
/// with no per-sample work. State 0 is the start; states at depth <see cref="Length"/> are final (no tokens allowed).
/// Every state before the final depth allows at least one token, so every valid prefix can be completed.
/// </summary>
public sealed class Grammar
{
    private readonly int[] next;   // [state * VocabularySize + token] -> next state, or -1 when not allowed
    private readonly int[] depth;  // number of tokens read to reach each state

    /// <summary>The start state.</summary>
    public const int Start = 0;

    public int VocabularySize { get; }
    public int Length { get; }
    public int StateCount => this.depth.Length;

    /// <summary>Builds a grammar from a next-state table; validates depths and the absence of dead ends.</summary>
    /// <param name="vocabularySize">Tokens are 0..vocabularySize-1.</param>
    /// <param name="next">[state * vocabularySize + token] → next state, or -1 where the token is not allowed.</param>
    public Grammar(int vocabularySize, int[] next)
    {
        if (vocabularySize <= 0 || next.Length == 0 || next.Length % vocabularySize != 0)
            throw new ArgumentException("next-state table size must be a positive multiple of the vocabulary size");
        VocabularySize = vocabularySize;
        this.next = next;
        int states = next.Length / vocabularySize;
        this.depth = new int[states];
        Array.Fill(this.depth, -1);
        this.depth[Start] = 0;
        var queue = new Queue<int>();
        queue.Enqueue(Start);
        int length = -1;
        while (queue.Count > 0)
        {
            int s = queue.Dequeue();
            bool any = false;
            for (int t = 0; t < vocabularySize; t++)
            {
                int n = next[s * vocabularySize + t];
                if (n < 0) continue;
                if (n >= states) throw new ArgumentException($"state {s} token {t} leads to unknown state {n}");
                any = true;
                if (this.depth[n] < 0) { this.depth[n] = this.depth[s] + 1; queue.Enqueue(n); }
                else if (this.depth[n] != this.depth[s] + 1)
                    throw new ArgumentException($"state {n} is reached at two depths; sequences must have one length");
            }
            if (!any)
            {
                if (length < 0) length = this.depth[s];
                else if (length != this.depth[s]) throw new ArgumentException($"state {s} is a dead end at depth {this.depth[s]}");
            }
        }
        if (length <= 0) throw new ArgumentException("grammar accepts no non-empty sequence");
        for (int s = 0; s < states; s++)
            if (this.depth[s] < 0) throw new ArgumentException($"state {s} is unreachable");
        Length = length;
    }

    /// <summary>The state after reading <paramref name="token"/> in <paramref name="state"/>, or -1 if not allowed.</summary>
    public int Next(int state, int token) => this.next[state * VocabularySize + token];

    public bool IsAllowed(int state, int token) => this.next[state * VocabularySize + token] >= 0;

    /// <summary>Depth (tokens read) of a state.</summary>
    public int Depth(int state) => this.depth[state];

    /// <summary>The raw next-state table, [state * VocabularySize + token] → next state or -1.</summary>
    public ReadOnlySpan<int> NextTable => this.next;

    /// <summary>Tokens allowed in a state, in increasing order.</summary>
    public IEnumerable<int> AllowedTokens(int state)
    {
        for (int t = 0; t < VocabularySize; t++)
            if (this.next[state * VocabularySize + t] >= 0) yield return t;
    }

    /// <summary>Allowed-token mask as a dense [StateCount, VocabularySize] table (true = allowed).</summary>
    public bool[] AllowedMask()
    {
        var mask = new bool[this.next.Length];
        for (int i = 0; i < mask.Length; i++) mask[i] = this.next[i] >= 0;
        return mask;
    }

    /// <summary>
    /// The state before each token of a complete sequence (length <see cref="Length"/>); throws
    /// <see cref="ArgumentException"/> naming the position if the sequence is not valid.
    /// </summary>
    public int[] StatePath(ReadOnlySpan<int> tokens)
    {
        if (tokens.Length != Length)
            throw new ArgumentException($"sequence has {tokens.Length} tokens; the grammar needs {Length}");
        var path = new int[Length];
        int s = Start;
        for (int i = 0; i < tokens.Length; i++)
        {
            path[i] = s;
            int t = tokens[i];
            int n = t >= 0 && t < VocabularySize ? this.next[s * VocabularySize + t] : -1;
            if (n < 0) throw new ArgumentException($"token {t} is not allowed at position {i}");
            s = n;
        }
        return path;
    }

    /// <summary>Whether a complete sequence is accepted.</summary>
    public bool IsValid(ReadOnlySpan<int> tokens)
    {
        if (tokens.Length != Length) return false;
        int s = Start;
        foreach (int t in tokens)
        {
            if (t < 0 || t >= VocabularySize) return false;
            s = this.next[s * VocabularySize + t];
            if (s < 0) return false;
        }
        return true;
    }

    /// <summary>
    /// The grammar of the parts' sequences written one after another (multi-objective targets). All parts must share
    /// one vocabulary.
    /// </summary>
    public static Grammar Concat(IReadOnlyList<Grammar> parts)
    {
        if (parts.Count == 0) throw new ArgumentException("no parts");
        int v = parts[0].VocabularySize;
        if (parts.Any(p => p.VocabularySize != v)) throw new ArgumentException("parts must share one vocabulary");
        if (parts.Count == 1) return parts[0];
        // New ids: each part's non-final states in order, then one final state. A part's finals map to the next
        // part's start.
        var offsets = new int[parts.Count + 1];
        var maps = new int[parts.Count][];
        int total = 0;
        for (int p = 0; p < parts.Count; p++)
        {
            var g = parts[p];
            maps[p] = new int[g.StateCount];
            offsets[p] = total;
            for (int s = 0; s < g.StateCount; s++)
                maps[p][s] = g.depth[s] == g.Length ? -2 : total++;
        }
        int final = total++;
        var next = new int[total * v];
        Array.Fill(next, -1);
        for (int p = 0; p < parts.Count; p++)
        {
            var g = parts[p];
            int afterPart = p + 1 < parts.Count ? maps[p + 1][Start] : final;
            for (int s = 0; s < g.StateCount; s++)
            {
                if (maps[p][s] < 0) continue;
                for (int t = 0; t < v; t++)
                {
                    int n = g.next[s * v + t];
                    if (n < 0) continue;
                    next[maps[p][s] * v + t] = maps[p][n] == -2 ? afterPart : maps[p][n];
                }
            }
        }
        return new Grammar(v, next);
    }
}
