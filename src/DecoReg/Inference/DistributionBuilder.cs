namespace DecoReg.Inference;

/// <summary>
/// Turns a decoder's <see cref="SequenceDistribution"/> into a <see cref="Distribution"/> in the target's units:
/// each sequence becomes an atom at its decoded value, spread over its bin. Sequences that decode to special values
/// (NaN, ±∞) carry no position on the real line and are left out; their mass is not counted as covered.
/// </summary>
internal static class DistributionBuilder
{
    public static Distribution Build(SequenceDistribution sequences, TargetEncoding target)
    {
        int n = sequences.Count;
        var values = new double[n];
        var probabilities = new double[n];
        var lows = new double[n];
        var highs = new double[n];
        int kept = 0;
        double special = 0;
        for (int i = 0; i < n; i++)
        {
            var (value, low, high) = target.Read(sequences.Sequence(i));
            if (!double.IsFinite(value)) { special += sequences.Probabilities[i]; continue; }
            values[kept] = value;
            lows[kept] = low;
            highs[kept] = high;
            probabilities[kept] = sequences.Probabilities[i];
            kept++;
        }
        if (kept == 0)
            throw new DecoRegException("every decoded sequence is a special value (NaN or ±∞); no finite distribution to report");
        if (kept < n)
        {
            Array.Resize(ref values, kept);
            Array.Resize(ref probabilities, kept);
            Array.Resize(ref lows, kept);
            Array.Resize(ref highs, kept);
        }
        double total = sequences.Probabilities.Sum();
        return new Distribution(values, probabilities, lows, highs, sequences.CoveredMass * (1 - special / total))
        {
            MemberMeans = MemberMeans(sequences, target),
            BinScale = target.Scaler.IsAffine() ? null : target.Scaler,
        };
    }

    /// <summary>
    /// Each part's mean over its finite sequences (a part with none is left out); the parts' sequences are the
    /// mixture's, so each distinct sequence is read once.
    /// </summary>
    private static double[] MemberMeans(SequenceDistribution mixture, TargetEncoding target)
    {
        if (mixture.Parts.Count < 2) return [];
        var values = new Dictionary<SequenceKey, double>(mixture.Count);
        var means = new List<double>(mixture.Parts.Count);
        foreach (var part in mixture.Parts)
        {
            double sum = 0, mass = 0;
            for (int i = 0; i < part.Count; i++)
            {
                var key = new SequenceKey(part.Sequence(i));
                if (!values.TryGetValue(key, out double value)) values[key] = value = target.Read(part.Sequence(i)).Value;
                if (!double.IsFinite(value)) continue;
                sum += part.Probabilities[i] * value;
                mass += part.Probabilities[i];
            }
            if (mass > 0) means.Add(sum / mass);
        }
        return [.. means];
    }
}
