namespace DecoReg.Uncertainty;

/// <summary>
/// Picks the rows to label next (batch active learning): uncertainty with diversity. A pool larger than
/// <see cref="PoolRowsPerPick"/> × k rows is first sampled down to that many by the caller (<see cref="SamplePool"/>, as
/// <c>decoreg acquire</c> does); the candidates are the <c>k × candidateFactor</c> most uncertain rows of the rows given (by <see cref="DefaultScore"/> unless the caller
/// ranks them otherwise); among them, a diverse batch in the model's representation (the encoder's pooled states), by
/// <see cref="AcquisitionMethod"/>: the largest-cluster rule over every sampled row (the default: representation first,
/// uncertainty for the first pick and ties) or greedy k-center (first the most uncertain row, then repeatedly the
/// candidate farthest from everything already chosen or labelled) — so a batch does not spend its budget on
/// near-duplicates of one uncertain region. Rows already labelled, when given, count as chosen.
/// </summary>
public static class Acquisition
{
    /// <summary>Candidates per pick for <see cref="AcquisitionMethod.Farthest"/>: the 4 × k most uncertain rows.</summary>
    public const int DefaultCandidateFactor = 4;

    /// <summary>
    /// Pool rows considered per row picked: 50, so 5,000 for a batch of 100 (what the active-learning benchmark samples
    /// from its pool). A larger pool is sampled down (<see cref="SamplePool"/>).
    /// </summary>
    public const int PoolRowsPerPick = 50;

    /// <summary>
    /// Candidates per pick for <see cref="AcquisitionMethod.LargestCluster"/>: every sampled pool row
    /// (<see cref="PoolRowsPerPick"/> × k), so the clusters cover the pool and uncertainty decides only the first pick
    /// and ties; measured as <c>lcmd-pool</c> in bench/results/uncertainty.md (10 × k, measured as <c>lcmd</c>, did not confirm on fresh seeds).
    /// </summary>
    public const int ClusterCandidateFactor = PoolRowsPerPick;

    /// <summary>
    /// The batch method <c>decoreg acquire</c> uses unless told otherwise: LCMD over the pool sample, the one rule of four
    /// measured that beat random picks at 1,100 labelled rows on both benchmark sets on seeds 0–2 and, by a rule written
    /// before the run, in the mean over six fresh seeds (bench/README.md, uncertainty).
    /// </summary>
    public const AcquisitionMethod DefaultMethod = AcquisitionMethod.LargestCluster;

    /// <summary>The default candidate factor of a batch method.</summary>
    public static int CandidateFactor(AcquisitionMethod method) =>
        method == AcquisitionMethod.LargestCluster ? ClusterCandidateFactor : DefaultCandidateFactor;

    /// <summary>
    /// Indices (ascending) of the pool rows to consider for a batch of <paramref name="k"/>: every row of a pool of at
    /// most <see cref="PoolRowsPerPick"/> × k rows, else a uniform random sample of that many, drawn with
    /// <paramref name="seed"/> (the same pool and seed give the same sample).
    /// </summary>
    public static int[] SamplePool(int poolRows, int k, int seed)
    {
        if (poolRows < 0) throw new ArgumentOutOfRangeException(nameof(poolRows), poolRows, "a pool has at least 0 rows");
        if (k < 1) throw new DecoRegException($"the batch size must be at least 1 (got {k})");
        long keep = Math.Min(poolRows, (long)k * PoolRowsPerPick);
        var rows = Enumerable.Range(0, poolRows).ToArray();
        if (keep == poolRows) return rows;
        var rng = new Random(seed);
        for (int i = 0; i < keep; i++)   // partial Fisher–Yates: the first `keep` slots are a uniform sample
        {
            int j = rng.Next(i, poolRows);
            (rows[i], rows[j]) = (rows[j], rows[i]);
        }
        var sample = rows[..(int)keep];
        Array.Sort(sample);
        return sample;
    }

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
