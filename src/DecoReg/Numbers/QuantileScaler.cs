using System.Globalization;

namespace DecoReg.Numbers;

/// <summary>
/// A monotone piecewise-linear warp through knots (Xs[j], Zs[j]) fitted so that z is a blend of the training
/// targets' empirical CDF and their min-max position: z = w·F(y) + (1 − w)·(y − min)/(max − min) at each knot.
/// Followed by the normalized codec's equal bins, this spends resolution where the targets are dense (narrow bins
/// for the bulk of a skewed target) while the linear part caps every bin at 1/(1 − w) times its equal-width size.
/// Outside the knots the map continues with slope 1/(max − min). Exact inverse and log-derivative (the segment's
/// slope), so densities stay exact.
/// </summary>
public sealed record QuantileScaler : TargetScaler
{
    /// <summary>Default number of quantile segments (at most one per distinct target value).</summary>
    public const int DefaultSegments = 64;

    /// <summary>Default weight of the empirical CDF in the blend.</summary>
    public const double DefaultWeight = 0.5;

    public QuantileScaler(double[] Xs, double[] Zs)
    {
        ArgumentNullException.ThrowIfNull(Xs);
        ArgumentNullException.ThrowIfNull(Zs);
        if (Xs.Length < 2 || Xs.Length != Zs.Length)
            throw new DecoRegException($"quantile scaler: {Xs.Length} knot positions and {Zs.Length} knot values; expected two equally long lists of at least 2");
        for (int j = 0; j < Xs.Length; j++)
        {
            Require("quantile", $"knot position {j}", Xs[j], false);
            Require("quantile", $"knot value {j}", Zs[j], false);
            if (j > 0 && !(Xs[j] > Xs[j - 1] && Zs[j] > Zs[j - 1]))
                throw new DecoRegException($"quantile scaler: knot {j} ({Xs[j].ToString("R", CultureInfo.InvariantCulture)} → {Zs[j].ToString("R", CultureInfo.InvariantCulture)}) does not increase from knot {j - 1}; expected strictly increasing knots");
        }
        this.Xs = Xs;
        this.Zs = Zs;
    }

    /// <summary>Knot positions in target units, strictly increasing.</summary>
    public double[] Xs { get; init; }

    /// <summary>Knot values in the warped scale, strictly increasing.</summary>
    public double[] Zs { get; init; }

    /// <summary>Value equality over the knots (records compare arrays by reference otherwise).</summary>
    public bool Equals(QuantileScaler? other) =>
        other is not null && Xs.AsSpan().SequenceEqual(other.Xs) && Zs.AsSpan().SequenceEqual(other.Zs);

    public override int GetHashCode() => HashCode.Combine(Xs.Length, Xs[0], Xs[^1], Zs[^1]);

    private double OuterSlope => (Zs[^1] - Zs[0]) / (Xs[^1] - Xs[0]);

    public override double Transform(double y) => Interpolate(Xs, Zs, y);

    public override double Inverse(double z) => Interpolate(Zs, Xs, z);

    /// <summary>
    /// The piecewise-linear map from knots <paramref name="from"/> to <paramref name="to"/> at <paramref name="v"/>,
    /// continued outside the knots with the overall slope; with the roles swapped it is the exact inverse.
    /// </summary>
    private static double Interpolate(double[] from, double[] to, double v)
    {
        if (double.IsNaN(v)) return v;
        if (v <= from[0]) return to[0] + (v - from[0]) * (to[^1] - to[0]) / (from[^1] - from[0]);
        if (v >= from[^1]) return to[^1] + (v - from[^1]) * (to[^1] - to[0]) / (from[^1] - from[0]);
        int j = Segment(from, v);
        return to[j] + (v - from[j]) * (to[j + 1] - to[j]) / (from[j + 1] - from[j]);
    }

    public override double LogAbsDerivative(double y)
    {
        if (y < Xs[0] || y >= Xs[^1]) return Math.Log(OuterSlope);
        int j = Segment(Xs, y);
        return Math.Log((Zs[j + 1] - Zs[j]) / (Xs[j + 1] - Xs[j]));
    }

    /// <summary>Index j of the segment [knots[j], knots[j+1]) holding v (v inside the knot range).</summary>
    private static int Segment(double[] knots, double v)
    {
        int i = Array.BinarySearch(knots, v);
        int j = i >= 0 ? i : ~i - 1;
        return Math.Clamp(j, 0, knots.Length - 2);
    }

    /// <summary>
    /// Fits knots at the targets' quantiles of levels j/<paramref name="segments"/> (linear interpolation between
    /// order statistics; tied knots merge, keeping their mean level) and blends the levels with the min-max position
    /// using <paramref name="weight"/> for the CDF. A constant target gets a plain linear map of width |y| (or 1).
    /// </summary>
    public static QuantileScaler Fit(IReadOnlyList<double> y, int segments = DefaultSegments, double weight = DefaultWeight)
    {
        CheckFitInput("quantile", y);
        if (segments < 1)
            throw new DecoRegException($"quantile scaler: {segments} segments is invalid; expected at least 1");
        if (!(weight >= 0 && weight < 1))
            throw new DecoRegException($"quantile scaler: weight {weight.ToString(CultureInfo.InvariantCulture)} is invalid; expected 0 ≤ weight < 1");
        var sorted = y.Order().ToArray();
        double min = sorted[0], max = sorted[^1], span = max - min;
        if (span == 0)
        {
            double w = Math.Abs(min) > 0 ? Math.Abs(min) : 1.0;
            return new QuantileScaler([min - w / 2, min + w / 2], [0, 1]);
        }
        var xs = new List<double>();
        var levels = new List<List<double>>();
        for (int j = 0; j <= segments; j++)
        {
            double level = (double)j / segments;
            double x = Quantile(sorted, level); // level 1 gives the maximum exactly
            if (xs.Count > 0 && !(x > xs[^1])) levels[^1].Add(level);
            else { xs.Add(x); levels.Add([level]); }
        }
        var zs = new double[xs.Count];
        for (int j = 0; j < zs.Length; j++)
            zs[j] = weight * levels[j].Average() + (1 - weight) * (xs[j] - min) / span;
        return new QuantileScaler([.. xs], zs);
    }

    /// <summary>Type-7 quantile (linear between order statistics) of sorted values.</summary>
    private static double Quantile(double[] sorted, double level)
    {
        double h = (sorted.Length - 1) * level;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
