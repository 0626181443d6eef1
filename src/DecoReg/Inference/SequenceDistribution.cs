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

    /// <summary>
    /// For a mixture (<see cref="MixtureDecoder.Mix"/>): the members' own distributions, equal weight, from which the
    /// members' disagreement is read; empty for one network's answer.
    /// </summary>
    public IReadOnlyList<SequenceDistribution> Parts { get; init; } = [];

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
}
