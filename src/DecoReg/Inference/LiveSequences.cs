namespace DecoReg.Inference;

/// <summary>
/// The frontier of a batched tree search over token sequences (prefix-sharing sampling, exact enumeration): for
/// each live prefix its input row, grammar state, last token and tokens so far, kept grouped by row in row order so
/// that per-row work is a contiguous range.
/// </summary>
internal sealed class LiveSequences
{
    private LiveSequences(int[] rows, long[] states, long[] lastTokens, int[] prefixes, int length)
    {
        Rows = rows;
        States = states;
        LastTokens = lastTokens;
        Prefixes = prefixes;
        Length = length;
    }

    public int[] Rows { get; }
    public long[] States { get; }
    /// <summary>The token each sequence feeds at the next decoding step (the begin token at the root).</summary>
    public long[] LastTokens { get; }
    /// <summary>Tokens so far, [Count × Length].</summary>
    public int[] Prefixes { get; }
    /// <summary>Tokens per prefix.</summary>
    public int Length { get; }
    public int Count => Rows.Length;

    /// <summary>One empty prefix per input row.</summary>
    public static LiveSequences Start(int rows, long beginToken) =>
        new(Enumerable.Range(0, rows).ToArray(), new long[rows], Enumerable.Repeat(beginToken, rows).ToArray(), Array.Empty<int>(), 0);

    /// <summary>The children (parent index, token) in the given order, which must keep rows grouped.</summary>
    public LiveSequences Expand(IReadOnlyList<long> parents, IReadOnlyList<int> tokens, Grammar grammar)
    {
        int n = parents.Count, t = Length;
        var rows = new int[n];
        var states = new long[n];
        var last = new long[n];
        var prefixes = new int[n * (t + 1)];
        for (int c = 0; c < n; c++)
        {
            int p = (int)parents[c];
            Array.Copy(Prefixes, p * t, prefixes, c * (t + 1), t);
            prefixes[c * (t + 1) + t] = tokens[c];
            rows[c] = Rows[p];
            states[c] = grammar.Next((int)States[p], tokens[c]);
            last[c] = tokens[c];
        }
        return new LiveSequences(rows, states, last, prefixes, t + 1);
    }

    /// <summary>For every input row 0..rows-1, the range [First, End) of its sequences (possibly empty).</summary>
    public IEnumerable<(int Row, int First, int End)> RowRanges(int rows)
    {
        int i = 0;
        for (int r = 0; r < rows; r++)
        {
            int first = i;
            while (i < Rows.Length && Rows[i] == r) i++;
            yield return (r, first, i);
        }
    }

    /// <summary>The complete sequences of one row's range with the given probabilities.</summary>
    public SequenceDistribution ToDistribution(int first, int end, double[] probabilities, double coveredMass) =>
        new(Length, Prefixes.AsSpan(first * Length, (end - first) * Length).ToArray(), probabilities, coveredMass);
}
