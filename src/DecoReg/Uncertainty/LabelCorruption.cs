namespace DecoReg.Uncertainty;

/// <summary>
/// Injects gross label errors for measuring an audit (never applied to user data by the tools): a seeded
/// <c>fraction</c> of the rows get y + s·(3 + 3u)·sd(y) with a random sign s and u uniform in [0, 1), i.e. an error
/// of 3 to 6 standard deviations of the whole target — a typo, a unit slip or a swapped field rather than noise.
/// </summary>
public static class LabelCorruption
{
    public static (double[] Labels, bool[] Corrupted) Inject(IReadOnlyList<double> labels, double fraction, int seed)
    {
        if (fraction is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "expected a fraction in [0, 1]");
        int n = labels.Count, count = (int)Math.Round(n * fraction);
        double sd = Statistics.MeanAndStdDev(labels).StdDev;
        var result = labels.ToArray();
        var corrupted = new bool[n];
        var rng = new Random(seed);
        foreach (int row in Splits.Shuffle(n, seed).Take(count))
        {
            double sign = rng.Next(2) == 0 ? -1 : 1;
            result[row] += sign * (3 + 3 * rng.NextDouble()) * sd;
            corrupted[row] = true;
        }
        return (result, corrupted);
    }
}
