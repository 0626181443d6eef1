namespace DecoReg.Uncertainty;

/// <summary>
/// Picks the rows to label next (batch active learning): uncertainty with diversity. The candidates are the
/// <c>k × candidateFactor</c> most uncertain pool rows (by <see cref="DefaultScore"/> unless the caller ranks them
/// otherwise); among them, greedy k-center
/// selection in the model's representation (the encoder's pooled states) takes first the most uncertain row, then
/// repeatedly the candidate farthest from everything already chosen or labelled — so a batch does not spend its
/// budget on near-duplicates of one uncertain region.
/// </summary>
public static class Acquisition
{
    public const int DefaultCandidateFactor = 4;

    /// <summary>
    /// The uncertainty that ranks the pool by default: the members' disagreement, i.e. what more labels can reduce
    /// (the predictive std also counts the target's own noise, which a new label does not remove; measured in
    /// bench/results/uncertainty.md, active learning).
    /// </summary>
    public const ConfidenceScore DefaultScore = ConfidenceScore.Disagreement;

    /// <summary>
    /// Indices of <paramref name="k"/> pool rows in pick order. <paramref name="labelled"/> (optional) holds the
    /// representations of rows already labelled, which count as chosen for the distances.
    /// </summary>
    public static int[] Select(IReadOnlyList<double> uncertainty, IReadOnlyList<float[]> representations, int k,
        int candidateFactor = DefaultCandidateFactor, IReadOnlyList<float[]>? labelled = null)
    {
        if (uncertainty.Count != representations.Count) throw new ArgumentException("one uncertainty per representation is required");
        if (k < 1) throw new DecoRegException($"the batch size must be at least 1 (got {k})");
        if (candidateFactor < 1) throw new DecoRegException($"the candidate factor must be at least 1 (got {candidateFactor})");
        int n = uncertainty.Count;
        k = Math.Min(k, n);
        var candidates = Enumerable.Range(0, n).OrderByDescending(i => uncertainty[i]).ThenBy(i => i)
            .Take((int)Math.Min(n, (long)k * candidateFactor)).ToArray();
        var nearest = new double[candidates.Length];
        Array.Fill(nearest, double.PositiveInfinity);
        if (labelled is not null)
            foreach (var point in labelled) Update(nearest, candidates, representations, point);
        var chosen = new List<int>(k);
        var taken = new bool[candidates.Length];
        for (int step = 0; step < k; step++)
        {
            int best = -1;
            for (int c = 0; c < candidates.Length; c++)
                if (!taken[c] && (best < 0 || nearest[c] > nearest[best])) best = c;   // ties: the more uncertain (earlier)
            taken[best] = true;
            chosen.Add(candidates[best]);
            Update(nearest, candidates, representations, representations[candidates[best]]);
        }
        return [.. chosen];
    }

    private static void Update(double[] nearest, int[] candidates, IReadOnlyList<float[]> representations, float[] point)
    {
        for (int c = 0; c < candidates.Length; c++)
            nearest[c] = Math.Min(nearest[c], Distance(representations[candidates[c]], point));
    }

    private static double Distance(float[] a, float[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return sum;
    }
}
