namespace DecoReg.Numbers;

/// <summary>
/// Small helper to build a <see cref="Grammar"/> state by state; the first state created is the start state.
/// Used by the codecs so their automata read as "state --token--> state" edges instead of raw table arithmetic.
/// </summary>
internal sealed class GrammarBuilder(int vocabularySize)
{
    private readonly List<int[]> rows = [];

    public int NewState()
    {
        var row = new int[vocabularySize];
        Array.Fill(row, -1);
        rows.Add(row);
        return rows.Count - 1;
    }

    public void Edge(int from, int token, int to) => rows[from][token] = to;

    /// <summary>
    /// The sign step of a signed number: a new start state with "+" and "-" edges to new states, then a new final
    /// state (created in this order, so state ids stay as the codecs have always numbered them).
    /// </summary>
    public (int Start, int AfterPlus, int AfterMinus, int Final) SignedStart(int plus, int minus)
    {
        int start = NewState();
        int afterPlus = NewState(), afterMinus = NewState();
        Edge(start, plus, afterPlus);
        Edge(start, minus, afterMinus);
        return (start, afterPlus, afterMinus, NewState());
    }

    /// <summary>
    /// A mantissa of <paramref name="digits"/> base-<paramref name="radix"/> digits whose first digit is non-zero,
    /// entered at <paramref name="nonZero"/> and at <paramref name="mayBeZero"/> and then leading to
    /// <paramref name="next"/>; <paramref name="mayBeZero"/> also allows the all-zero mantissa (of zero), which leads to
    /// <paramref name="zeroNext"/>.
    /// </summary>
    public void Mantissa(int radix, int digits, int nonZero, int mayBeZero, int next, int zeroNext)
    {
        int rest = next, zeros = zeroNext;
        for (int i = digits - 1; i >= 1; i--)
        {
            int s = NewState(), z = NewState();
            for (int d = 0; d < radix; d++) Edge(s, d, rest);
            Edge(z, 0, zeros);
            rest = s; zeros = z;
        }
        for (int d = 1; d < radix; d++) { Edge(nonZero, d, rest); Edge(mayBeZero, d, rest); }
        Edge(mayBeZero, 0, zeros);
    }

    public Grammar Build()
    {
        var next = new int[rows.Count * vocabularySize];
        for (int s = 0; s < rows.Count; s++) rows[s].CopyTo(next, s * vocabularySize);
        return new Grammar(vocabularySize, next);
    }
}
