namespace DecoReg.Inference;

/// <summary>
/// A decoder's answer for one input: distinct complete token sequences with their probabilities (model probabilities
/// for exact enumeration, sample frequencies for sampling) and the probability mass they cover.
/// </summary>
public sealed class SequenceDistribution
{
    public SequenceDistribution(int length, int[] tokens, double[] probabilities, double coveredMass)
    {
        if (tokens.Length != probabilities.Length * length) throw new ArgumentException("tokens must hold Count × Length entries");
        Length = length;
        Tokens = tokens;
        Probabilities = probabilities;
        CoveredMass = coveredMass;
    }

    /// <summary>Tokens per sequence.</summary>
    public int Length { get; }

    /// <summary>Sequences one after another, [Count × Length].</summary>
    public int[] Tokens { get; }
    public double[] Probabilities { get; }
    public double CoveredMass { get; }
    public int Count => Probabilities.Length;

    public ReadOnlySpan<int> Sequence(int i) => Tokens.AsSpan(i * Length, Length);

    /// <summary>Groups identical sequences of a flat [count × length] sample array into frequencies.</summary>
    public static SequenceDistribution FromSamples(int length, ReadOnlySpan<int> samples)
    {
        int n = samples.Length / length;
        var counts = new Dictionary<SequenceKey, int>();
        var order = new List<int>();
        for (int i = 0; i < n; i++)
        {
            var key = new SequenceKey(samples.Slice(i * length, length));
            if (counts.TryGetValue(key, out int c)) counts[key] = c + 1;
            else { counts[key] = 1; order.Add(i); }
        }
        var tokens = new int[order.Count * length];
        var probs = new double[order.Count];
        for (int j = 0; j < order.Count; j++)
        {
            var seq = samples.Slice(order[j] * length, length);
            seq.CopyTo(tokens.AsSpan(j * length));
            probs[j] = (double)counts[new SequenceKey(seq)] / n;
        }
        return new SequenceDistribution(length, tokens, probs, 1.0);
    }

    /// <summary>Value-equality key for a short token sequence.</summary>
    /// <summary>
    /// The equal-weight mixture of distributions over sequences of the same length (an ensemble's members): equal
    /// sequences are merged, and the covered mass is the average of the parts'.
    /// </summary>
    public static SequenceDistribution Mix(IReadOnlyList<SequenceDistribution> parts)
    {
        if (parts.Count == 0) throw new ArgumentException("nothing to mix", nameof(parts));
        if (parts.Count == 1) return parts[0];
        int length = parts[0].Length;
        double weight = 1.0 / parts.Count;
        var index = new Dictionary<SequenceKey, int>();
        var tokens = new List<int>();
        var probs = new List<double>();
        foreach (var part in parts)
        {
            if (part.Length != length) throw new ArgumentException("sequences of different lengths cannot be mixed", nameof(parts));
            for (int i = 0; i < part.Count; i++)
            {
                var seq = part.Sequence(i);
                var key = new SequenceKey(seq);
                if (index.TryGetValue(key, out int j)) probs[j] += weight * part.Probabilities[i];
                else
                {
                    index[key] = probs.Count;
                    probs.Add(weight * part.Probabilities[i]);
                    foreach (int t in seq) tokens.Add(t);
                }
            }
        }
        return new SequenceDistribution(length, tokens.ToArray(), probs.ToArray(), parts.Average(p => p.CoveredMass));
    }

    private readonly struct SequenceKey : IEquatable<SequenceKey>
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
}
