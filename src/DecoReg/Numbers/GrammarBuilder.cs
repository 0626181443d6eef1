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

    public Grammar Build()
    {
        var next = new int[rows.Count * vocabularySize];
        for (int s = 0; s < rows.Count; s++) rows[s].CopyTo(next, s * vocabularySize);
        return new Grammar(vocabularySize, next);
    }
}
