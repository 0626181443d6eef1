namespace DecoReg.Inference;

/// <summary>
/// Draws next tokens from one step's (grammar-masked, temperature-scaled) probabilities after top-k / top-p
/// truncation. Works on a managed copy of the step's probabilities: with number vocabularies of ≤ ~30 tokens this
/// is cheaper than a tensor round trip per draw and makes draws reproducible from one seeded <see cref="Random"/>.
/// </summary>
internal static class TokenDraw
{
    /// <summary>Applies top-k / top-p in place and renormalizes; forbidden tokens already have probability 0.</summary>
    public static void Truncate(Span<float> probs, int topK, double topP)
    {
        if (topK <= 0 && topP >= 1) return;
        Span<int> order = stackalloc int[probs.Length];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        var local = probs.ToArray();
        order.Sort((a, b) => local[b].CompareTo(local[a]));
        double cumulative = 0, total = 0;
        int keep = 0;
        for (; keep < order.Length; keep++)
        {
            if (topK > 0 && keep >= topK) break;
            if (keep > 0 && cumulative >= topP) break;
            cumulative += probs[order[keep]];
        }
        for (int i = keep; i < order.Length; i++) probs[order[i]] = 0f;
        foreach (float p in probs) total += p;
        if (total > 0) for (int i = 0; i < probs.Length; i++) probs[i] = (float)(probs[i] / total);
    }

    /// <summary>One draw by inverse CDF.</summary>
    public static int Draw(ReadOnlySpan<float> probs, Random rng)
    {
        double u = rng.NextDouble(), cumulative = 0;
        int last = 0;
        for (int i = 0; i < probs.Length; i++)
        {
            if (probs[i] <= 0) continue;
            last = i;
            cumulative += probs[i];
            if (u < cumulative) return i;
        }
        return last; // rounding: u beyond the float sum
    }

    /// <summary>Splits <paramref name="count"/> draws among the tokens: counts[v] = how many of the draws chose v.</summary>
    public static void Split(ReadOnlySpan<float> probs, int count, Random rng, Span<int> counts)
    {
        counts.Clear();
        for (int i = 0; i < count; i++) counts[Draw(probs, rng)]++;
    }
}
