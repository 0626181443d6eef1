namespace DecoReg.Inference;

/// <summary>Value-equality key for a short token sequence (merging equal sequences of samples and mixtures).</summary>
internal readonly struct SequenceKey : IEquatable<SequenceKey>
{
    private readonly int[] tokens;
    private readonly int hash;

    public SequenceKey(ReadOnlySpan<int> seq)
    {
        tokens = seq.ToArray();
        var h = new HashCode();
        foreach (int t in seq) h.Add(t);
        hash = h.ToHashCode();
    }

    public bool Equals(SequenceKey other) => tokens.AsSpan().SequenceEqual(other.tokens);
    public override bool Equals(object? obj) => obj is SequenceKey k && Equals(k);
    public override int GetHashCode() => hash;
}
