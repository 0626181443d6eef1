namespace DecoReg.Data;

/// <summary>
/// Seeded random train/validation splits: the same (row count, fraction, seed) always gives the same split, on every
/// machine and .NET version (<c>new Random(seed)</c> uses a fixed, documented algorithm; Fisher–Yates shuffle). Write
/// the seed into reports so results can be reproduced.
/// </summary>
public static class Splits
{
    /// <summary>A permutation of 0..n-1 determined by <paramref name="seed"/>.</summary>
    public static int[] Shuffle(int n, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        var rng = new Random(seed);
        for (int i = n - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (idx[i], idx[j]) = (idx[j], idx[i]);
        }
        return idx;
    }

    /// <summary>
    /// Splits row indices 0..n-1: the first round(n × <paramref name="validFraction"/>) rows of the seeded shuffle go
    /// to validation (at least 1 and at most n-1 when 0 &lt; fraction and n ≥ 2), the rest to training. Each part is
    /// returned in ascending row order. A fraction of 0 gives an empty validation part.
    /// </summary>
    public static (int[] Train, int[] Valid) TrainValid(int n, double validFraction, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (!(validFraction >= 0 && validFraction < 1))
            throw new DecoRegException($"Validation fraction {validFraction} is invalid; expected a number in [0, 1).");
        int valid = (int)Math.Round(n * validFraction, MidpointRounding.AwayFromZero);
        if (validFraction > 0 && n >= 2) valid = Math.Clamp(valid, 1, n - 1);
        var perm = Shuffle(n, seed);
        var v = perm[..valid];
        var t = perm[valid..];
        Array.Sort(v);
        Array.Sort(t);
        return (t, v);
    }

    /// <summary>Splits a dataset into "(train)" and "(valid)" parts by <see cref="TrainValid(int, double, int)"/>.</summary>
    public static (Dataset Train, Dataset Valid) TrainValid(Dataset data, double validFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (t, v) = TrainValid(data.RowCount, validFraction, seed);
        return (data.Subset(t, "train"), data.Subset(v, "valid"));
    }

    /// <summary>
    /// The one hold-out policy of every trainer (the decoding regressor, the baseline heads, the benchmark's LightGBM):
    /// the given validation set when there is one, else a seeded <paramref name="validFraction"/> of the training rows
    /// by <see cref="TrainValid(Dataset, double, int)"/>. Fewer than 10 rows cannot spare a hold-out and no training
    /// rows at all are both user errors naming the data.
    /// </summary>
    public static (Dataset Train, Dataset Validation) HoldOut(Dataset train, Dataset? validation, double validFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (validation is null)
        {
            if (train.RowCount < 10)
                throw new DecoRegException($"{train.Name}: {train.RowCount} rows are too few to hold out a validation set; give at least 10 rows or a validation set");
            (train, validation) = TrainValid(train, validFraction, seed);
        }
        if (train.RowCount == 0) throw new DecoRegException($"{train.Name}: no training rows");
        return (train, validation);
    }
}
