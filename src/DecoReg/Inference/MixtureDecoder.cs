using DecoReg.Data;
using DecoReg.Model;

namespace DecoReg.Inference;

/// <summary>
/// An ensemble's answers: the equal-weight mixture of its networks' sequence distributions, and the mixture's
/// likelihood (log-mean-exp of the members' sequence log-probabilities). A single network is passed through.
/// </summary>
public static class MixtureDecoder
{
    /// <summary>
    /// Decodes every input row with each network (with each member of a network that is an efficient ensemble) and
    /// mixes the rows' distributions.
    /// </summary>
    public static IReadOnlyList<SequenceDistribution> Decode(IReadOnlyList<EncoderDecoder> networks, GrammarTensors grammar,
        InputBatch inputs, IDecodingStrategy strategy)
    {
        var perMember = networks.SelectMany(network => DecodeMembers(network, grammar, inputs, strategy)).ToArray();
        if (perMember.Length == 1) return perMember[0];
        return Enumerable.Range(0, perMember[0].Count)
            .Select(row => Mix(perMember.Select(d => d[row]).ToArray()))
            .ToArray();
    }

    /// <summary>Each member's distributions of the rows (one list for a plain network).</summary>
    private static IEnumerable<IReadOnlyList<SequenceDistribution>> DecodeMembers(EncoderDecoder network, GrammarTensors grammar,
        InputBatch inputs, IDecodingStrategy strategy)
    {
        int k = network.Members;
        if (k == 1) return [strategy.Decode(network, grammar, inputs)];
        using var scope = torch.NewDisposeScope();
        var expanded = strategy.Decode(network, grammar, MemberBatches.Expand(inputs, k));
        return Enumerable.Range(0, k).Select(m => (IReadOnlyList<SequenceDistribution>)
            Enumerable.Range(0, (int)inputs.Count).Select(row => expanded[row * k + m]).ToArray()).ToArray();
    }

    /// <summary>
    /// The equal-weight mixture of distributions over sequences of the same length (an ensemble's members): equal
    /// sequences are merged, and the covered mass is the average of the parts'. The parts are kept
    /// (<see cref="SequenceDistribution.Parts"/>) so the members' disagreement can be read.
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
        return new SequenceDistribution(length, tokens.ToArray(), probs.ToArray(), parts.Average(p => p.CoveredMass)) { Parts = parts };
    }

    /// <summary>
    /// Log-likelihood of every row under the mixture: log((1/M) Σ_m exp(member m's sequence log-probability)) plus the
    /// row's <paramref name="corrections"/> (bin width and scaler Jacobian, the same for every member).
    /// </summary>
    public static double[] LogLikelihood(IReadOnlyList<double[]> perMember, IReadOnlyList<double> corrections)
    {
        var result = new double[corrections.Count];
        var row = new double[perMember.Count];
        for (int i = 0; i < result.Length; i++)
        {
            for (int m = 0; m < row.Length; m++) row[m] = perMember[m][i];
            result[i] = Statistics.LogMeanExp(row) + corrections[i];
        }
        return result;
    }
}
