namespace DecoReg.Inference;

/// <summary>
/// A predictive distribution over target values: a finite set of atoms, each a value with a probability and the bin
/// [low, high) of target values its token sequence stands for. Every prediction returns one.
/// <para>
/// Semantics: each atom's (renormalized) probability is spread uniformly over its bin — in target units, or, when the
/// decoder's bins are equal in a warped scale (<see cref="BinScale"/>, e.g. the quantile warp), uniformly in that
/// scale, so the density inside a bin follows the warp's slope exactly as the model's likelihood does. <see cref="Cdf"/>, <see cref="Quantile"/>, <see cref="Interval"/>, <see cref="LogDensity"/> and
/// <see cref="Probability"/> use that density. A zero-width bin (low == high == value, e.g. a special value) is a
/// point mass: the CDF jumps there and it carries no density. <see cref="Mean"/>, <see cref="Variance"/> and
/// <see cref="Mode"/> are taken over the atom values (Σ p·value), as the decoders report them.
/// </para>
/// <para>
/// Atoms are sorted by value once at construction and never merged. Probabilities are renormalized to sum to 1 for all
/// statistics; <see cref="CoveredMass"/> keeps the mass the decoder actually covered (e.g. 0.999 for a truncated exact
/// enumeration, 1 for sampling) for reporting. Instances are immutable and thread-safe. All statistics are
/// hand-written (no numerics library fits this piecewise-uniform shape); cumulative sums are precomputed so
/// Cdf/Quantile/LogDensity are O(log n) binary searches.
/// </para>
/// </summary>
public sealed class Distribution
{
    private readonly double[] values;
    private readonly double[] probabilities; // normalized
    private readonly double[] lows;
    private readonly double[] highs;
    private readonly double[] cumulative; // length n + 1, cumulative[0] = 0, this.cumulative[n] = 1
    private readonly int modeIndex;

    /// <summary>
    /// Builds a distribution from atoms in target units, in any order. Values must be finite and lie inside their bin
    /// (low ≤ value ≤ high, finite bounds); bins must not overlap (both up to rounding slack); probabilities must be finite and ≥ 0 with a positive
    /// sum; <paramref name="coveredMass"/> in (0, 1]. The arrays are copied. Throws <see cref="ArgumentException"/>
    /// (these are programming errors of the decoder, not user errors).
    /// </summary>
    public Distribution(double[] values, double[] probabilities, double[] binLows, double[] binHighs, double coveredMass)
        : this(Copy(values, nameof(values)), Copy(probabilities, nameof(probabilities)), Copy(binLows, nameof(binLows)),
            Copy(binHighs, nameof(binHighs)), coveredMass, owned: true)
    {
    }

    /// <summary>Takes ownership of the arrays (they are sorted in place).</summary>
    private Distribution(double[] values, double[] probabilities, double[] lows, double[] highs, double coveredMass, bool owned)
    {
        _ = owned;
        int n = values.Length;
        if (n == 0)
            throw new ArgumentException("A distribution needs at least one atom.", nameof(values));
        if (probabilities.Length != n || lows.Length != n || highs.Length != n)
            throw new ArgumentException(
                $"Atom arrays differ in length: values {n}, probabilities {probabilities.Length}, binLows {lows.Length}, binHighs {highs.Length}.");
        if (!(coveredMass > 0 && coveredMass <= 1 + 1e-9))
            throw new ArgumentOutOfRangeException(nameof(coveredMass), coveredMass, "Covered mass must be in (0, 1].");

        double total = 0;
        for (int i = 0; i < n; i++)
        {
            double v = values[i], p = probabilities[i], lo = lows[i], hi = highs[i];
            if (!double.IsFinite(v))
                throw new ArgumentException($"Atom {i}: value {v} is not finite.", nameof(values));
            if (!double.IsFinite(p) || p < 0)
                throw new ArgumentException($"Atom {i}: probability {p} must be finite and >= 0.", nameof(probabilities));
            if (!double.IsFinite(lo) || !double.IsFinite(hi) || !(lo <= hi)
                || !(lo - v <= RoundingSlack(lo, hi, v) && v - hi <= RoundingSlack(lo, hi, v)))
                throw new ArgumentException($"Atom {i}: value {v} is not inside its bin [{lo}, {hi}).", nameof(values));
            total += p;
        }
        if (!(total > 0) || !double.IsFinite(total))
            throw new ArgumentException($"Probabilities must have a positive finite sum (got {total}).", nameof(probabilities));

        if (!IsSorted(values, lows, highs))
            SortAtoms(values, probabilities, lows, highs);

        for (int i = 0; i + 1 < n; i++)
        {
            double a = highs[i], b = lows[i + 1];
            // Tolerate a rounding-level overlap of adjacent bins computed independently (the CDF stays monotone).
            if (a > b && a - b > Math.Max(RoundingSlack(lows[i], a, values[i]), RoundingSlack(b, highs[i + 1], values[i + 1])))
                throw new ArgumentException(
                    $"Bins overlap: [{lows[i]}, {highs[i]}) (value {values[i]}) and [{lows[i + 1]}, {highs[i + 1]}) (value {values[i + 1]}).",
                    "binLows");
        }

        var cumulative = new double[n + 1];
        double c = 0, mean = 0;
        int mode = 0;
        for (int i = 0; i < n; i++)
        {
            double p = probabilities[i] / total;
            probabilities[i] = p;
            c = Math.Min(1.0, c + p);
            cumulative[i + 1] = c;
            mean += p * values[i];
            if (p > probabilities[mode])
                mode = i;
        }
        cumulative[n] = 1.0;
        double variance = 0;
        for (int i = 0; i < n; i++)
        {
            double d = values[i] - mean;
            variance += probabilities[i] * d * d;
        }

        this.values = values;
        this.probabilities = probabilities;
        this.lows = lows;
        this.highs = highs;
        this.cumulative = cumulative;
        modeIndex = mode;
        CoveredMass = Math.Min(1.0, coveredMass);
        Mean = mean;
        Variance = variance;
    }


    /// <summary>Number of atoms.</summary>
    public int Count => this.values.Length;

    /// <summary>Atom values, sorted ascending.</summary>
    public ReadOnlySpan<double> Values => this.values;

    /// <summary>Renormalized atom probabilities (sum 1), in the order of <see cref="Values"/>.</summary>
    public ReadOnlySpan<double> Probabilities => this.probabilities;

    /// <summary>Inclusive lower bin bounds, in the order of <see cref="Values"/>.</summary>
    public ReadOnlySpan<double> BinLows => this.lows;

    /// <summary>Exclusive upper bin bounds, in the order of <see cref="Values"/>.</summary>
    public ReadOnlySpan<double> BinHighs => this.highs;

    /// <summary>Probability mass the decoder covered before renormalization (≤ 1), for reporting.</summary>
    public double CoveredMass { get; }

    /// <summary>Σ p·value over the atoms.</summary>
    public double Mean { get; }

    /// <summary>Σ p·(value − Mean)² over the atoms (the spread within bins is not added).</summary>
    public double Variance { get; }

    public double StdDev => Math.Sqrt(Variance);

    /// <summary>
    /// The means of the ensemble members this distribution mixes (equal weight; an efficient ensemble's members and
    /// every network of an ensemble), in target units; empty when one network with one member answered.
    /// </summary>
    public IReadOnlyList<double> MemberMeans { get; init; } = [];

    /// <summary>
    /// How much the members disagree: the standard deviation of <see cref="MemberMeans"/> (0 without members). The
    /// mixture's variance is the members' mean variance (noise every member sees) plus this spread squared (what the
    /// members have not learned alike), so it isolates the part of the uncertainty more labelled rows can reduce.
    /// </summary>
    public double MemberSpread
    {
        get
        {
            var means = MemberMeans;
            if (means.Count < 2) return 0;
            double mean = means.Average();
            return Math.Sqrt(means.Sum(m => (m - mean) * (m - mean)) / means.Count);
        }
    }

    /// <summary>
    /// The monotone map under which each bin's mass is uniform (the target scaler whose equal bins the codec decodes),
    /// or null: uniform in target units. Set for non-affine scalers, so that <see cref="LogDensity"/> equals the
    /// model's likelihood and <see cref="Cdf"/>/<see cref="Quantile"/> are that density's.
    /// </summary>
    public Numbers.TargetScaler? BinScale { get; init; }

    /// <summary>Where y lies inside [lo, hi) as a fraction of the bin's mass.</summary>
    private double FractionOf(double y, double lo, double hi) => BinScale is not { } s
        ? (y - lo) / (hi - lo)
        : (s.Transform(y) - s.Transform(lo)) / (s.Transform(hi) - s.Transform(lo));

    /// <summary>The y below which atom <paramref name="atom"/>'s bin holds the fraction <paramref name="fraction"/> (in [0, 1]) of its mass.</summary>
    public double PositionInBin(int atom, double fraction) =>
        PositionOf(Math.Clamp(fraction, 0.0, 1.0), this.lows[atom], this.highs[atom]);

    /// <summary>
    /// The ends of <paramref name="pieces"/> equal-mass pieces of atom <paramref name="atom"/>'s bin: pieces + 1 ascending
    /// values from its low to its high end (equally spaced in target units, or in the <see cref="BinScale"/> when set,
    /// whose map of the bin's ends is computed once). The one place bins are cut for density steps and CRPS.
    /// </summary>
    public double[] PieceEnds(int atom, int pieces)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pieces, 1);
        double lo = this.lows[atom], hi = this.highs[atom];
        var ends = new double[pieces + 1];
        ends[0] = lo;
        ends[pieces] = hi;
        if (BinScale is not { } s)
        {
            for (int k = 1; k < pieces; k++) ends[k] = lo + (double)k / pieces * (hi - lo);
            return ends;
        }
        double a = s.Transform(lo), b = s.Transform(hi);
        for (int k = 1; k < pieces; k++) ends[k] = Math.Clamp(s.Inverse(a + (double)k / pieces * (b - a)), lo, hi);
        return ends;
    }

    /// <summary>The y holding the fraction <paramref name="frac"/> of the bin [lo, hi)'s mass below it.</summary>
    private double PositionOf(double frac, double lo, double hi)
    {
        if (BinScale is not { } s) return lo + frac * (hi - lo);
        double a = s.Transform(lo), b = s.Transform(hi);
        return Math.Clamp(s.Inverse(a + frac * (b - a)), lo, hi);
    }

    /// <summary>Quantile(0.5) of the distribution.</summary>
    public double Median => Quantile(0.5);

    /// <summary>Value of the most probable atom (the smallest such value on ties).</summary>
    public double Mode => this.values[modeIndex];

    /// <summary>
    /// The continuous CDF P(Y ≤ y): 0 below the first bin, linear inside each bin, flat across gaps, jumping at point
    /// masses, 1 above the last bin. NaN for NaN.
    /// </summary>
    public double Cdf(double y)
    {
        if (double.IsNaN(y))
            return double.NaN;
        int i = LastLowAtOrBelow(y);
        if (i < 0)
            return 0.0;
        double lo = this.lows[i], hi = this.highs[i];
        if (y >= hi)
            return this.cumulative[i + 1];
        double c0 = this.cumulative[i], c1 = this.cumulative[i + 1];
        return c0 + (c1 - c0) * Math.Clamp(FractionOf(y, lo, hi), 0.0, 1.0);
    }

    /// <summary>
    /// Inverse of <see cref="Cdf"/>: the smallest y with Cdf(y) ≥ p, interpolated linearly inside the bin.
    /// Quantile(0) is the low end of the first bin with positive probability, Quantile(1) the high end of the last.
    /// Throws <see cref="ArgumentOutOfRangeException"/> unless p is in [0, 1].
    /// </summary>
    public double Quantile(double p)
    {
        if (!(p >= 0 && p <= 1))
            throw new ArgumentOutOfRangeException(nameof(p), p, "Quantile level must be in [0, 1].");
        var cum = this.cumulative;
        if (p == 0)
        {
            int first = 0;
            while (cum[first + 1] <= 0)
                first++;
            return this.lows[first];
        }
        // Smallest i with cum[i + 1] >= p; then cum[i] < p, so atom i has positive probability.
        int lo = 0, hi = this.values.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (cum[mid + 1] >= p)
                hi = mid;
            else
                lo = mid + 1;
        }
        double c0 = cum[lo], c1 = cum[lo + 1];
        double frac = (p - c0) / (c1 - c0);
        if (!(frac < 1))
            frac = 1;
        double low = this.lows[lo], high = this.highs[lo];
        return frac <= 0 ? low : PositionOf(frac, low, high);
    }

    /// <summary>The central interval (Quantile((1 − level)/2), Quantile((1 + level)/2)) for level in [0, 1].</summary>
    public PredictionInterval Interval(double level)
    {
        if (!(level >= 0 && level <= 1))
            throw new ArgumentOutOfRangeException(nameof(level), level, "Interval level must be in [0, 1].");
        return new PredictionInterval(Quantile((1 - level) / 2), Quantile((1 + level) / 2));
    }

    /// <summary>
    /// log density at y: log(p_i / (high_i − low_i)) for the bin [low_i, high_i) containing y (with <see cref="BinScale"/>
    /// T: log(p_i / (T(high_i) − T(low_i))) + log T′(y)). Returns −∞ when y lies
    /// in no bin (below, above, in a gap between bins, or only at a zero-width point mass, which has no density).
    /// </summary>
    public double LogDensity(double y)
    {
        if (double.IsNaN(y))
            return double.NaN;
        int i = LastLowAtOrBelow(y);
        if (i < 0 || !(y < this.highs[i]))
            return double.NegativeInfinity;
        double p = this.cumulative[i + 1] - this.cumulative[i];
        if (BinScale is { } s)
            return Math.Log(p / (s.Transform(this.highs[i]) - s.Transform(this.lows[i]))) + s.LogAbsDerivative(y);
        return Math.Log(p / (this.highs[i] - this.lows[i]));
    }

    /// <summary>
    /// The density as flat steps for plots and payloads: each bin one step (its probability / width) when its mass is
    /// uniform in target units; under a warped <see cref="BinScale"/> each bin cut into <paramref name="piecesPerBin"/>
    /// pieces of equal mass, each at its mean density, so the steps follow the warp's slope as <see cref="LogDensity"/>
    /// does. Ascending, non-overlapping; zero-width bins (point masses) and bins without mass are left out; the steps'
    /// mass is 1 less any point masses.
    /// </summary>
    public IReadOnlyList<DensityStep> DensitySteps(int piecesPerBin = 8)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(piecesPerBin, 1);
        int pieces = BinScale is null ? 1 : piecesPerBin;
        var steps = new List<DensityStep>(this.values.Length * pieces);
        for (int i = 0; i < this.values.Length; i++)
        {
            double p = this.cumulative[i + 1] - this.cumulative[i];
            if (!(this.highs[i] > this.lows[i]) || !(p > 0)) continue;
            var ends = PieceEnds(i, pieces);
            for (int j = 0; j < pieces; j++)
                if (ends[j + 1] > ends[j]) steps.Add(new DensityStep(ends[j], ends[j + 1], p / pieces / (ends[j + 1] - ends[j])));
        }
        return steps;
    }

    /// <summary>P(low &lt; Y ≤ high) = Cdf(high) − Cdf(low); 0 when high ≤ low.</summary>
    public double Probability(double low, double high)
    {
        if (double.IsNaN(low) || double.IsNaN(high))
            throw new ArgumentException($"Probability bounds must not be NaN (got [{low}, {high}]).");
        return high <= low ? 0.0 : Math.Max(0.0, Cdf(high) - Cdf(low));
    }

    /// <summary>
    /// The estimate minimising the expected loss <paramref name="metric"/>: SquaredError → Mean, AbsoluteError → Median,
    /// Pinball(τ) → Quantile(τ), ZeroOne → Mode.
    /// </summary>
    public double PointEstimate(PointMetric metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return metric.Kind switch
        {
            PointMetricKind.SquaredError => Mean,
            PointMetricKind.AbsoluteError => Median,
            PointMetricKind.Pinball => Quantile(metric.Tau),
            PointMetricKind.ZeroOne => Mode,
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown point metric."),
        };
    }

    public override string ToString() =>
        $"Distribution({Count} atoms, mean {Mean:G6}, sd {StdDev:G6}, covered {CoveredMass:G6})";

    /// <summary>Index of the last atom whose bin low is ≤ y, or −1.</summary>
    private int LastLowAtOrBelow(double y)
    {
        var lows = this.lows;
        int lo = 0, hi = lows.Length; // answer in [lo - 1, hi - 1]
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (lows[mid] <= y)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo - 1;
    }

    /// <summary>How far bin edges computed independently by a decoder may disagree by rounding: a tiny fraction of the
    /// bin width and of the magnitudes involved.</summary>
    private static double RoundingSlack(double low, double high, double value) =>
        1e-9 * (high - low) + 1e-12 * Math.Max(Math.Abs(value), Math.Max(Math.Abs(low), Math.Abs(high)));

    private static double[] Copy(double[] source, string name)
    {
        ArgumentNullException.ThrowIfNull(source, name);
        return (double[])source.Clone();
    }

    private static int CompareAtoms(double[] values, double[] lows, double[] highs, int a, int b)
    {
        int c = values[a].CompareTo(values[b]);
        if (c != 0)
            return c;
        c = lows[a].CompareTo(lows[b]);
        return c != 0 ? c : highs[a].CompareTo(highs[b]);
    }

    private static bool IsSorted(double[] values, double[] lows, double[] highs)
    {
        for (int i = 1; i < values.Length; i++)
            if (CompareAtoms(values, lows, highs, i - 1, i) > 0)
                return false;
        return true;
    }

    /// <summary>Sorts the four arrays in place by (value, low, high).</summary>
    private static void SortAtoms(double[] values, double[] probabilities, double[] lows, double[] highs)
    {
        int n = values.Length;
        var order = new int[n];
        for (int i = 0; i < n; i++)
            order[i] = i;
        Array.Sort(order, (a, b) => CompareAtoms(values, lows, highs, a, b));
        Permute(values, order);
        Permute(probabilities, order);
        Permute(lows, order);
        Permute(highs, order);
    }

    private static void Permute(double[] array, int[] order)
    {
        var copy = (double[])array.Clone();
        for (int i = 0; i < order.Length; i++)
            array[i] = copy[order[i]];
    }
}
