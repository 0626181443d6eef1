namespace DecoReg.Evaluation;

/// <summary>Rank correlations, hand-written (no statistics library is referenced).</summary>
public static class RankCorrelation
{
    /// <summary>
    /// Kendall's tau-b with tie correction, by Knight's O(n log n) algorithm: sort by (x, y), count x-ties and joint
    /// ties, then count the discordant pairs as the swaps of a merge sort on y. NaN when fewer than two rows or when
    /// either input is constant.
    /// </summary>
    public static double KendallTauB(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        int n = CheckInputs(x, y);
        if (n < 2)
            return double.NaN;
        var order = new int[n];
        for (int i = 0; i < n; i++)
            order[i] = i;
        Array.Sort(order, (a, b) =>
        {
            int c = x[a].CompareTo(x[b]);
            return c != 0 ? c : y[a].CompareTo(y[b]);
        });

        long n0 = (long)n * (n - 1) / 2;
        long tiesX = 0, tiesXY = 0;
        long runX = 1, runXY = 1;
        for (int i = 1; i < n; i++)
        {
            bool sameX = x[order[i]] == x[order[i - 1]];
            bool sameY = y[order[i]] == y[order[i - 1]];
            if (sameX)
            {
                runX++;
                runXY = sameY ? runXY + 1 : FlushRun(runXY, ref tiesXY);
            }
            else
            {
                runX = FlushRun(runX, ref tiesX);
                runXY = FlushRun(runXY, ref tiesXY);
            }
        }
        FlushRun(runX, ref tiesX);
        FlushRun(runXY, ref tiesXY);

        var ys = new double[n];
        for (int i = 0; i < n; i++)
            ys[i] = y[order[i]];
        long swaps = MergeSortCountingSwaps(ys, new double[n], 0, n);

        long tiesY = 0, runY = 1;
        for (int i = 1; i < n; i++)
            runY = ys[i] == ys[i - 1] ? runY + 1 : FlushRun(runY, ref tiesY);
        FlushRun(runY, ref tiesY);

        double numerator = (double)(n0 - tiesX - tiesY + tiesXY) - 2.0 * swaps;
        double denominator = Math.Sqrt((double)(n0 - tiesX) * (n0 - tiesY));
        return denominator > 0 ? numerator / denominator : double.NaN;
    }

    /// <summary>Spearman's rho: the Pearson correlation of average ranks (ties share their mean rank).</summary>
    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        int n = CheckInputs(x, y);
        if (n < 2)
            return double.NaN;
        return Pearson(AverageRanks(x), AverageRanks(y));
    }

    /// <summary>1-based ranks; tied values get the average of the ranks they span.</summary>
    public static double[] AverageRanks(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        int n = values.Count;
        var keys = new double[n];
        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            keys[i] = values[i];
            order[i] = i;
        }
        Array.Sort(keys, order);
        var ranks = new double[n];
        for (int start = 0; start < n;)
        {
            int end = start + 1;
            while (end < n && keys[end] == keys[start])
                end++;
            double rank = (start + 1 + end) / 2.0; // mean of ranks start+1 .. end
            for (int k = start; k < end; k++)
                ranks[order[k]] = rank;
            start = end;
        }
        return ranks;
    }

    /// <summary>Pearson correlation; NaN when either input is constant.</summary>
    public static double Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        int n = CheckInputs(x, y);
        if (n < 2)
            return double.NaN;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++)
        {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < n; i++)
        {
            double dx = x[i] - mx, dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxx > 0 && syy > 0 ? Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1.0, 1.0) : double.NaN;
    }

    private static long FlushRun(long run, ref long ties)
    {
        ties += run * (run - 1) / 2;
        return 1;
    }

    /// <summary>Sorts a[lo..hi) ascending; returns the number of strictly inverted pairs.</summary>
    private static long MergeSortCountingSwaps(double[] a, double[] buffer, int lo, int hi)
    {
        if (hi - lo < 2)
            return 0;
        int mid = (lo + hi) >>> 1;
        long swaps = MergeSortCountingSwaps(a, buffer, lo, mid) + MergeSortCountingSwaps(a, buffer, mid, hi);
        int i = lo, j = mid, k = lo;
        while (i < mid && j < hi)
        {
            if (a[j] < a[i])
            {
                swaps += mid - i;
                buffer[k++] = a[j++];
            }
            else
            {
                buffer[k++] = a[i++];
            }
        }
        while (i < mid)
            buffer[k++] = a[i++];
        while (j < hi)
            buffer[k++] = a[j++];
        Array.Copy(buffer, lo, a, lo, hi - lo);
        return swaps;
    }

    private static int CheckInputs(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
            throw new ArgumentException($"Inputs differ in length: {x.Count} and {y.Count}.");
        for (int i = 0; i < x.Count; i++)
            if (double.IsNaN(x[i]) || double.IsNaN(y[i]))
                throw new ArgumentException($"Row {i} holds NaN.");
        return x.Count;
    }
}
