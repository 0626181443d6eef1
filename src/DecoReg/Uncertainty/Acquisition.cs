namespace DecoReg.Uncertainty;

/// <summary>
/// Picks the rows to label next (batch active learning): uncertainty with diversity. The candidates are the
/// <c>k × candidateFactor</c> most uncertain pool rows (by <see cref="DefaultScore"/> unless the caller ranks them
/// otherwise); among them, a diverse batch in the model's representation (the encoder's pooled states), by
/// <see cref="AcquisitionMethod"/>: greedy k-center (first the most uncertain row, then repeatedly the candidate
/// farthest from everything already chosen or labelled) or the largest-cluster rule — so a batch does not spend its
/// budget on near-duplicates of one uncertain region.
/// </summary>
public static class Acquisition
{
    /// <summary>Candidates per pick for <see cref="AcquisitionMethod.Farthest"/>: the 4 × k most uncertain rows.</summary>
    public const int DefaultCandidateFactor = 4;

    /// <summary>Candidates per pick for <see cref="AcquisitionMethod.LargestCluster"/>: clusters need mass to be told apart, so 10 × k.</summary>
    public const int ClusterCandidateFactor = 10;

    /// <summary>The batch method <c>decoreg acquire</c> uses unless told otherwise.</summary>
    public const AcquisitionMethod DefaultMethod = AcquisitionMethod.Farthest;

    /// <summary>The default candidate factor of a batch method.</summary>
    public static int CandidateFactor(AcquisitionMethod method) =>
        method == AcquisitionMethod.LargestCluster ? ClusterCandidateFactor : DefaultCandidateFactor;

    /// <summary>
    /// The uncertainty that ranks the pool by default: the members' disagreement, i.e. what more labels can reduce
    /// (the predictive std also counts the target's own noise, which a new label does not remove; measured in
    /// bench/results/uncertainty.md, active learning).
    /// </summary>
    public const ConfidenceScore DefaultScore = ConfidenceScore.Disagreement;

    /// <summary>
    /// Indices of <paramref name="k"/> pool rows in pick order. <paramref name="labelled"/> (optional) holds the
    /// representations of rows already labelled, which count as chosen for the distances. <paramref name="candidateFactor"/>
    /// defaults to the method's (<see cref="CandidateFactor"/>).
    /// </summary>
    public static int[] Select(IReadOnlyList<double> uncertainty, IReadOnlyList<float[]> representations, int k,
        int? candidateFactor = null, IReadOnlyList<float[]>? labelled = null, AcquisitionMethod method = DefaultMethod)
    {
        int factor = candidateFactor ?? CandidateFactor(method);
        if (uncertainty.Count != representations.Count) throw new ArgumentException("one uncertainty per representation is required");
        if (k < 1) throw new DecoRegException($"the batch size must be at least 1 (got {k})");
        if (factor < 1) throw new DecoRegException($"the candidate factor must be at least 1 (got {factor})");
        int n = uncertainty.Count;
        k = Math.Min(k, n);
        var candidates = Enumerable.Range(0, n).OrderByDescending(i => uncertainty[i]).ThenBy(i => i)
            .Take((int)Math.Min(n, (long)k * factor)).ToArray();
        var nearest = new double[candidates.Length];
        var owner = new int[candidates.Length];   // the centre a candidate is nearest to (labelled rows first, then picks)
        Array.Fill(nearest, double.PositiveInfinity);
        Array.Fill(owner, -1);
        int centres = 0;
        if (labelled is not null)
            foreach (var point in labelled) Update(nearest, owner, centres++, candidates, representations, point);
        var chosen = new List<int>(k);
        var taken = new bool[candidates.Length];
        for (int step = 0; step < k; step++)
        {
            int best = method == AcquisitionMethod.LargestCluster && centres > 0 ? FarthestOfLargestCluster(nearest, owner, taken, centres) : -1;
            if (best < 0)
                for (int c = 0; c < candidates.Length; c++)
                    if (!taken[c] && (best < 0 || nearest[c] > nearest[best])) best = c;   // ties: the more uncertain (earlier)
            taken[best] = true;
            chosen.Add(candidates[best]);
            Update(nearest, owner, centres++, candidates, representations, representations[candidates[best]]);
        }
        return [.. chosen];
    }

    /// <summary>The untaken candidate farthest from its centre within the cluster of largest total squared distance (-1 if none).</summary>
    private static int FarthestOfLargestCluster(double[] nearest, int[] owner, bool[] taken, int centres)
    {
        var mass = new double[centres];
        for (int c = 0; c < nearest.Length; c++)
            if (!taken[c]) mass[owner[c]] += nearest[c];
        int cluster = 0;
        for (int j = 1; j < centres; j++)
            if (mass[j] > mass[cluster]) cluster = j;
        int best = -1;
        for (int c = 0; c < nearest.Length; c++)
            if (!taken[c] && owner[c] == cluster && (best < 0 || nearest[c] > nearest[best])) best = c;
        return best;
    }

    private static void Update(double[] nearest, int[] owner, int centre, int[] candidates, IReadOnlyList<float[]> representations, float[] point)
    {
        for (int c = 0; c < candidates.Length; c++)
        {
            double d = Distance(representations[candidates[c]], point);
            if (d < nearest[c])
            {
                nearest[c] = d;
                owner[c] = centre;
            }
        }
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
