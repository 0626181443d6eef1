using DecoReg.Inference;

namespace DecoReg.Tests.Inference;

public class DistributionTests
{
    private const double Tol = 1e-12;

    /// <summary>
    /// Hand example (given out of order): value 1.5 in [1,2) p 0.2; 2.5 in [2,3) p 0.5; 5 in [4,6) p 0.3.
    /// CDF knots: 0 at 1, 0.2 at 2, 0.7 at 3 (flat to 4), 1 at 6.
    /// </summary>
    internal static Distribution Hand(double scale = 1.0, double covered = 1.0) => new(
        [5, 1.5, 2.5],
        [0.3 * scale, 0.2 * scale, 0.5 * scale],
        [4, 1, 2],
        [6, 2, 3],
        covered);

    [Fact]
    public void HandExampleIsSortedByValue()
    {
        var d = Hand();
        Assert.Equal(3, d.Count);
        Assert.Equal([1.5, 2.5, 5], d.Values.ToArray());
        Assert.Equal([0.2, 0.5, 0.3], d.Probabilities.ToArray());
        Assert.Equal([1.0, 2, 4], d.BinLows.ToArray());
        Assert.Equal([2.0, 3, 6], d.BinHighs.ToArray());
        Assert.Equal(1.0, d.CoveredMass);
    }

    [Fact]
    public void HandExampleMoments()
    {
        var d = Hand();
        Assert.Equal(3.05, d.Mean, Tol); // 0.3 + 1.25 + 1.5
        // 0.2·1.55² + 0.5·0.55² + 0.3·1.95² = 0.4805 + 0.15125 + 1.14075
        Assert.Equal(1.7725, d.Variance, Tol);
        Assert.Equal(Math.Sqrt(1.7725), d.StdDev, Tol);
        Assert.Equal(2.5, d.Mode);
    }

    [Theory]
    [InlineData(0.0, 1.0)]    // low end of the first bin
    [InlineData(0.1, 1.5)]    // half of atom 1's 0.2
    [InlineData(0.2, 2.0)]
    [InlineData(0.5, 2.6)]    // median: 2 + (0.3 / 0.5)·1
    [InlineData(0.7, 3.0)]    // smallest y with F(y) ≥ 0.7, the gap [3, 4) is flat
    [InlineData(0.85, 5.0)]   // 4 + (0.15 / 0.3)·2
    [InlineData(1.0, 6.0)]
    public void HandExampleQuantiles(double p, double expected) => Assert.Equal(expected, Hand().Quantile(p), Tol);

    [Fact]
    public void MedianIsQuantileHalf() => Assert.Equal(2.6, Hand().Median, Tol);

    [Theory]
    [InlineData(0.5, 0.0)]
    [InlineData(1.0, 0.0)]
    [InlineData(1.25, 0.05)]
    [InlineData(2.5, 0.45)]
    [InlineData(3.0, 0.7)]
    [InlineData(3.5, 0.7)]
    [InlineData(5.0, 0.85)]
    [InlineData(6.0, 1.0)]
    [InlineData(7.0, 1.0)]
    public void HandExampleCdf(double y, double expected) => Assert.Equal(expected, Hand().Cdf(y), Tol);

    [Theory]
    [InlineData(1.25, 0.2)]   // 0.2 / width 1
    [InlineData(1.0, 0.2)]    // low end is inside [low, high)
    [InlineData(2.0, 0.5)]
    [InlineData(4.5, 0.15)]   // 0.3 / width 2
    public void HandExampleLogDensityInsideBins(double y, double density) =>
        Assert.Equal(Math.Log(density), Hand().LogDensity(y), Tol);

    [Theory]
    [InlineData(0.0)]
    [InlineData(3.5)]  // gap
    [InlineData(6.0)]  // high end is excluded
    [InlineData(100.0)]
    public void LogDensityOutsideAllBinsIsMinusInfinity(double y) =>
        Assert.Equal(double.NegativeInfinity, Hand().LogDensity(y));

    [Fact]
    public void ProbabilityOfRangeIsCdfDifference()
    {
        var d = Hand();
        Assert.Equal(0.75, d.Probability(1.5, 5), Tol); // 0.85 − 0.1
        Assert.Equal(0.0, d.Probability(3.2, 3.8), Tol);
        Assert.Equal(0.0, d.Probability(5, 1.5));
        Assert.Equal(1.0, d.Probability(-10, 10), Tol);
    }

    [Fact]
    public void RenormalizesWhenCoveredMassBelowOne()
    {
        var d = Hand(scale: 0.5, covered: 0.5);
        var full = Hand();
        Assert.Equal(0.5, d.CoveredMass);
        Assert.Equal(1.0, d.Probabilities.ToArray().Sum(), Tol);
        Assert.Equal(full.Mean, d.Mean, Tol);
        Assert.Equal(full.Variance, d.Variance, Tol);
        Assert.Equal(full.Median, d.Median, Tol);
        Assert.Equal(full.LogDensity(4.5), d.LogDensity(4.5), Tol);
        Assert.Equal(1.0, d.Cdf(6), Tol);
    }

    [Fact]
    public void PointEstimateMapsMetricsToFunctionals()
    {
        var d = Hand();
        Assert.Equal(3.05, d.PointEstimate(PointMetric.SquaredError), Tol);
        Assert.Equal(2.6, d.PointEstimate(PointMetric.AbsoluteError), Tol);
        Assert.Equal(1.5, d.PointEstimate(PointMetric.Pinball(0.1)), Tol);
        Assert.Equal(5.0, d.PointEstimate(PointMetric.Pinball(0.85)), Tol);
        Assert.Equal(2.5, d.PointEstimate(PointMetric.ZeroOne), Tol);
    }

    [Fact]
    public void PointMetricParsesAndComputesLoss()
    {
        Assert.Equal(PointMetric.SquaredError, PointMetric.Parse("mse"));
        Assert.Equal(PointMetric.AbsoluteError, PointMetric.Parse("Absolute"));
        Assert.Equal(PointMetric.ZeroOne, PointMetric.Parse("zero-one"));
        Assert.Equal(PointMetric.Pinball(0.9), PointMetric.Parse("pinball:0.9"));
        Assert.Equal("pinball:0.9", PointMetric.Pinball(0.9).ToString());
        var e = Assert.Throws<DecoRegException>(() => PointMetric.Parse("pinball:1.5"));
        Assert.Contains("pinball:1.5", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => PointMetric.Pinball(0));
        Assert.Equal(0.9 * 2, PointMetric.Pinball(0.9).Loss(1, 3), Tol);
        Assert.Equal(0.1 * 2, PointMetric.Pinball(0.9).Loss(3, 1), Tol);
        Assert.Equal(4, PointMetric.SquaredError.Loss(1, 3), Tol);
    }

    [Fact]
    public void IntervalOnUniformCoversItsLevel()
    {
        var d = Uniform(10);
        var i90 = d.Interval(0.9);
        Assert.Equal(0.5, i90.Low, Tol);
        Assert.Equal(9.5, i90.High, Tol);
        Assert.Equal(9.0, i90.Width, Tol);
        foreach (double level in new[] { 0.5, 0.8, 0.9, 0.95 })
        {
            var interval = d.Interval(level);
            // Targets spread evenly over the support: the fraction inside is the level.
            const int grid = 100_000;
            int inside = 0;
            for (int k = 0; k < grid; k++)
                if (interval.Contains((k + 0.5) * 10.0 / grid))
                    inside++;
            Assert.Equal(level, (double)inside / grid, 1e-4);
            Assert.Equal(level, d.Cdf(interval.High) - d.Cdf(interval.Low), Tol);
        }
        Assert.Equal(d.Median, d.Interval(0).Low, Tol);
    }

    [Fact]
    public void QuantileAndCdfAreInverse()
    {
        var random = new Random(7);
        int n = 300;
        var values = new double[n];
        var probabilities = new double[n];
        var lows = new double[n];
        var highs = new double[n];
        double x = -50;
        for (int i = 0; i < n; i++)
        {
            x += random.NextDouble() < 0.3 ? random.NextDouble() : 0; // some gaps
            double width = 0.01 + random.NextDouble();
            lows[i] = x;
            highs[i] = x + width;
            values[i] = x + random.NextDouble() * width;
            probabilities[i] = random.NextDouble() < 0.1 ? 0 : random.NextDouble();
            x += width;
        }
        // Shuffle to check the sort.
        var order = Enumerable.Range(0, n).OrderBy(_ => random.Next()).ToArray();
        var d = new Distribution(order.Select(i => values[i]).ToArray(), order.Select(i => probabilities[i]).ToArray(),
            order.Select(i => lows[i]).ToArray(), order.Select(i => highs[i]).ToArray(), 0.97);
        for (int k = 1; k < 1000; k++)
        {
            double p = k / 1000.0;
            Assert.Equal(p, d.Cdf(d.Quantile(p)), 1e-12);
        }
        for (int i = 0; i < n; i++)
        {
            if (probabilities[i] == 0)
                continue;
            double y = lows[i] + 0.37 * (highs[i] - lows[i]);
            Assert.Equal(y, d.Quantile(d.Cdf(y)), 1e-9);
        }
        for (int i = 1; i < d.Count; i++)
            Assert.True(d.Values[i] >= d.Values[i - 1]);
    }

    [Fact]
    public void PointMassHasCdfJumpAndNoDensity()
    {
        var d = new Distribution([1.5, 0], [0.5, 0.5], [1, 0], [2, 0], 1);
        Assert.Equal(0.0, d.Cdf(-0.1));
        Assert.Equal(0.5, d.Cdf(0), Tol);
        Assert.Equal(0.5, d.Cdf(0.7), Tol);
        Assert.Equal(0.0, d.Quantile(0.25));
        Assert.Equal(1.5, d.Quantile(0.75), Tol);
        Assert.Equal(double.NegativeInfinity, d.LogDensity(0));
        Assert.Equal(Math.Log(0.5), d.LogDensity(1.2), Tol);
    }

    [Fact]
    public void RejectsInvalidAtoms()
    {
        Assert.Throws<ArgumentException>(() => new Distribution([1.5, 1.9], [1, 1], [1, 1.8], [2, 2.5], 1)); // overlap
        Assert.Throws<ArgumentException>(() => new Distribution([3], [1], [1], [2], 1)); // value outside bin
        Assert.Throws<ArgumentException>(() => new Distribution([1.5], [-1], [1], [2], 1));
        Assert.Throws<ArgumentException>(() => new Distribution([1.5], [0], [1], [2], 1));
        Assert.Throws<ArgumentException>(() => new Distribution([double.NaN], [1], [1], [2], 1));
        Assert.Throws<ArgumentException>(() => new Distribution([1.5], [1, 2], [1], [2], 1));
        Assert.Throws<ArgumentException>(() => new Distribution([], [], [], [], 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Distribution([1.5], [1], [1], [2], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Distribution([1.5], [1], [1], [2], 1.5));
    }

    [Fact]
    public void AcceptsRoundingLevelOverlapOfAdjacentBins()
    {
        // −0.01 + 0.01 computed in floating point ends 2e-16 past the next bin's low end.
        var d = new Distribution([-0.005, 0.005], [1, 1], [-0.01, 0], [2.1337098754514727E-16, 0.01], 1);
        Assert.Equal(0.5, d.Cdf(0), 1e-12);
        Assert.Equal(0.0, d.Median, 1e-12);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void QuantileOutsideUnitIntervalThrows(double p) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Hand().Quantile(p));

    [Fact]
    public void InputArraysAreCopied()
    {
        double[] values = [1.5];
        var d = new Distribution(values, [1], [1], [2], 1);
        values[0] = 1.9;
        Assert.Equal(1.5, d.Mean);
    }

    [Fact]
    public void WithABinScale_MassIsUniformInTheWarpedScale_AndCdfQuantileAndDensityAgree()
    {
        // Signed-log warp z = ln(1 + y): two bins equal in z, [0, e−1) and [e−1, e²−1), p 0.4 and 0.6.
        var warp = new DecoReg.Numbers.SignedLogScaler(1.0);
        double e1 = Math.E - 1, e2 = Math.Exp(2) - 1;
        var d = new Distribution([1.0, 4.0], [0.4, 0.6], [0, e1], [e1, e2], 1) { BinScale = warp };
        // Inside the first bin the CDF is 0.4·ln(1 + y), not linear in y.
        Assert.Equal(0.4 * Math.Log(1 + 0.5), d.Cdf(0.5), 1e-12);
        Assert.Equal(0.4 + 0.6 * (Math.Log(1 + 3.0) - 1), d.Cdf(3.0), 1e-12);
        foreach (double p in new[] { 0.1, 0.39, 0.4, 0.5, 0.95 })
            Assert.Equal(p, d.Cdf(d.Quantile(p)), 1e-12);
        Assert.Equal(Math.Exp(0.5) - 1, d.Quantile(0.2), 1e-12);   // z = 0.5 holds 0.2 (linear in y would be 0.859)
        // Density = p / (bin width in z) · dz/dy, and it integrates to the CDF.
        Assert.Equal(Math.Log(0.4 / 1.0) - Math.Log(1 + 0.5), d.LogDensity(0.5), 1e-12);
        double integral = 0, step = 1e-4;
        for (double y = 0.5 + step / 2; y < 3.0; y += step) integral += Math.Exp(d.LogDensity(y)) * step;
        Assert.Equal(d.Cdf(3.0) - d.Cdf(0.5), integral, 1e-5);
        Assert.Equal(Math.Exp(0.5) - 1, d.PositionInBin(0, 0.5), 1e-12);
    }

    [Fact]
    public void DensitySteps_AreOnePerBinWhenUniform_AndFollowAWarpInEqualMassPieces()
    {
        // Uniform in target units: one step per bin, p / width; the point mass at 3 has no density and is left out.
        var flat = new Distribution([0.5, 2.0, 3.0, 4.5], [0.25, 0.4, 0.1, 0.25], [0, 1, 3, 4], [1, 3, 3, 5], 1);
        Assert.Equal([new(0, 1, 0.25), new(1, 3, 0.2), new(4, 5, 0.25)], flat.DensitySteps());

        // Signed-log warp: 8 equal-mass pieces per bin, each at its mass / width, i.e. the CDF's rise over it.
        var warp = new DecoReg.Numbers.SignedLogScaler(1.0);
        double e1 = Math.E - 1, e2 = Math.Exp(2) - 1;
        var d = new Distribution([1.0, 4.0], [0.4, 0.6], [0, e1], [e1, e2], 1) { BinScale = warp };
        var steps = d.DensitySteps();
        Assert.Equal(16, steps.Count);
        Assert.Equal(0, steps[0].Low);
        Assert.Equal(e2, steps[^1].High, 1e-12);
        for (int i = 0; i < steps.Count; i++)
        {
            var s = steps[i];
            if (i > 0) Assert.Equal(steps[i - 1].High, s.Low);
            Assert.Equal(d.Cdf(s.High) - d.Cdf(s.Low), s.Density * (s.High - s.Low), 1e-12);
            Assert.Equal(i < 8 ? 0.05 : 0.075, s.Density * (s.High - s.Low), 1e-12);
        }
        // The density falls inside each bin as dz/dy = 1 / (1 + y) does, which one flat step per bin would hide.
        Assert.True(steps[0].Density > 2 * steps[7].Density);
        // With fine pieces each step's height approaches the density at its middle.
        foreach (var s in d.DensitySteps(256).Where((_, i) => i % 37 == 0))
            Assert.Equal(Math.Exp(d.LogDensity((s.Low + s.High) / 2)), s.Density, 1e-3 * s.Density);
        Assert.Throws<ArgumentOutOfRangeException>(() => d.DensitySteps(0));
    }

    /// <summary>n atoms, bins [i, i+1), value i + 0.5, equal probabilities: Uniform(0, n).</summary>
    internal static Distribution Uniform(int n, double offset = 0) => new(
        Enumerable.Range(0, n).Select(i => offset + i + 0.5).ToArray(),
        Enumerable.Repeat(1.0, n).ToArray(),
        Enumerable.Range(0, n).Select(i => offset + i + 0.0).ToArray(),
        Enumerable.Range(0, n).Select(i => offset + i + 1.0).ToArray(),
        1);
}
