namespace DecoReg.Training;

/// <summary>
/// How a multi-task epoch mixes tasks of very different sizes: task t is drawn with probability proportional to
/// n_t^<c>power</c> (temperature-scaled proportional sampling; power 1 is plain proportional, 0 uniform over tasks).
/// The default 0.5 lets a task of 100 rows be seen 1/3 as often as one of 900 instead of 1/9, so large tasks do not
/// drown small ones while small ones are not repeated to overfitting. An epoch keeps the data set's size (as many
/// rows as the set has), each task's share drawn from fresh shuffles of its rows (a small task is cycled through,
/// a large one sampled without repeats). Seeded by the caller's generator.
/// </summary>
public static class TaskMixing
{
    public const double DefaultPower = 0.5;

    /// <summary>Each task's share of an epoch: n_t^power / Σ n_s^power.</summary>
    public static double[] Shares(IReadOnlyList<int> sizes, double power)
    {
        var weights = sizes.Select(n => n == 0 ? 0 : Math.Pow(n, power)).ToArray();
        double total = weights.Sum();
        return weights.Select(w => w / total).ToArray();
    }

    /// <summary>One epoch's rows (with repeats for small tasks), unordered.</summary>
    public static long[] EpochRows(TaskGroups tasks, double power, Random rng)
    {
        var rows = tasks.Rows();
        var shares = Shares(rows.Select(r => r.Length).ToArray(), power);
        int total = tasks.RowTask.Length;
        var result = new List<long>(total + rows.Length);
        for (int t = 0; t < rows.Length; t++)
        {
            if (rows[t].Length == 0) continue;
            int count = Math.Max(1, (int)Math.Round(total * shares[t]));
            var pool = (long[])rows[t].Clone();
            for (int taken = 0; taken < count; taken += pool.Length)
            {
                Shuffle(pool, rng);
                result.AddRange(pool.Take(Math.Min(pool.Length, count - taken)));
            }
        }
        return [.. result];
    }

    internal static void Shuffle(long[] a, Random rng)
    {
        for (int i = a.Length - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (a[i], a[j]) = (a[j], a[i]);
        }
    }
}
