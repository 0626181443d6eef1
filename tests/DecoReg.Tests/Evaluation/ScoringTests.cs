using DecoReg.Evaluation;
using DecoReg.Inference;
using DecoReg.Tests.Inference;

namespace DecoReg.Tests.Evaluation;

public class ScoringTests
{
    /// <summary>
    /// Midpoint rule of ∫ (F(x) − 1{x ≥ y})² dx over [a, b], cut at y and at every given breakpoint (bin edges, where
    /// F may jump or kink) so that no cell straddles a discontinuity.
    /// </summary>
    private static double NumericCrps(Func<double, double> cdf, double y, double a, double b, int steps,
        IEnumerable<double>? breakpoints = null)
    {
        var cuts = new[] { a, b, y }.Concat(breakpoints ?? []).Where(c => c >= a && c <= b).Distinct().Order().ToArray();
        double sum = 0;
        for (int s = 0; s + 1 < cuts.Length; s++)
        {
            double lo = cuts[s], hi = cuts[s + 1];
            int n = Math.Max(10, (int)(steps * (hi - lo) / (b - a)));
            double h = (hi - lo) / n;
            for (int k = 0; k < n; k++)
            {
                double x = lo + (k + 0.5) * h;
                double diff = cdf(x) - (x >= y ? 1 : 0);
                sum += diff * diff * h;
            }
        }
        return sum;
    }

    private static double[] Edges(Distribution d) => [.. d.BinLows, .. d.BinHighs];

    [Fact]
    public void CrpsOfUniformBinMatchesHandValues()
    {
        var u = new Distribution([0.5], [1], [0], [1], 1); // U(0, 1)
        Assert.Equal(1.0 / 12, Scoring.Crps(u, 0.5), 1e-14); // ∫₀^½ x² + ∫½¹ (1−x)²
        Assert.Equal(4.0 / 3, Scoring.Crps(u, 2), 1e-14);    // ∫₀¹ x² + ∫₁² 1
        Assert.Equal(4.0 / 3, Scoring.Crps(u, -1), 1e-14);
    }

    [Fact]
    public void CrpsOfPointMassesMatchesHandValues()
    {
        var one = new Distribution([0], [1], [0], [0], 1);
        Assert.Equal(1.5, Scoring.Crps(one, 1.5), 1e-14); // |y − x|
        var two = new Distribution([0, 1], [1, 1], [0, 1], [0, 1], 1);
        // F = 0.5 on [0, 1): 0.25·0.5² + 0.75·0.5² = 0.25 (= E|X − y| − ½E|X − X'| = 0.5 − 0.25).
        Assert.Equal(0.25, Scoring.Crps(two, 0.25), 1e-14);
    }

    [Fact]
    public void CrpsOfHandExampleMatchesHandValue()
    {
        // y = 2.5 in the hand example (F: 0→0.2 on [1,2], 0.2→0.7 on [2,3], 0.7 on [3,4], 0.7→1 on [4,6]):
        // [1,2]: 1·(0 + 0 + 0.04)/3; [2,2.5]: 0.5·(0.04 + 0.2·0.45 + 0.2025)/3;
        // [2.5,3]: 0.5·(0.3025 + 0.55·0.3 + 0.09)/3; [3,4]: 0.09; [4,6]: 2·(0.09 + 0 + 0)/3.
        double expected = 0.04 / 3 + 0.5 * (0.04 + 0.09 + 0.2025) / 3 + 0.5 * (0.3025 + 0.165 + 0.09) / 3 + 0.09 + 0.06;
        Assert.Equal(expected, Scoring.Crps(DistributionTests.Hand(), 2.5), 1e-14);
    }

    [Theory]
    [InlineData(-3.0)]
    [InlineData(1.0)]
    [InlineData(1.7)]
    [InlineData(2.5)]
    [InlineData(3.5)]
    [InlineData(5.2)]
    [InlineData(9.0)]
    public void CrpsMatchesNumericalIntegration(double y)
    {
        var d = DistributionTests.Hand(scale: 3, covered: 0.9);
        double numeric = NumericCrps(d.Cdf, y, -10, 20, 400_000, Edges(d));
        Assert.Equal(numeric, Scoring.Crps(d, y), 1e-9);
    }

    [Fact]
    public void CrpsWithAWarpedBinScale_MatchesNumericalIntegrationOfItsCdf()
    {
        // Two bins equal in z = ln(1 + y) (mass uniform in z, so the CDF bends inside each bin).
        var d = new Distribution([1.0, 4.0], [0.4, 0.6], [0, Math.E - 1], [Math.E - 1, Math.Exp(2) - 1], 1)
        {
            BinScale = new DecoReg.Numbers.SignedLogScaler(1.0),
        };
        foreach (double y in new[] { -1.0, 0.5, 1.7, 3.0, 9.0 })
        {
            double numeric = NumericCrps(d.Cdf, y, -5, 15, 400_000, Edges(d));
            Assert.True(Math.Abs(numeric - Scoring.Crps(d, y)) < 1e-3 * numeric, $"y {y}: numeric {numeric}, exact-at-pieces {Scoring.Crps(d, y)}");
        }
    }

    [Fact]
    public void CrpsWithPointMassAndGapsMatchesNumericalIntegration()
    {
        var d = new Distribution([0, 1.5, 7, 7.25], [0.2, 0.3, 0.4, 0.1], [0, 1, 6, 7.25], [0, 2, 7.25, 9], 1);
        foreach (double y in new[] { -1.0, 0.0, 0.3, 1.9, 4.0, 7.1, 8.0, 12.0 })
            Assert.Equal(NumericCrps(d.Cdf, y, -5, 15, 400_000, Edges(d)), Scoring.Crps(d, y), 1e-9);
    }

    [Fact]
    public void GaussianCrpsKnownValue()
    {
        // CRPS(N(0,1), 0) = 2φ(0) − 1/√π = (√2 − 1)/√π
        Assert.Equal((Math.Sqrt(2) - 1) / Math.Sqrt(Math.PI), Scoring.GaussianCrps(0, 1, 0), 1e-15);
        // Scales with σ and shifts with μ.
        Assert.Equal(3 * Scoring.GaussianCrps(0, 1, 0.5), Scoring.GaussianCrps(10, 3, 11.5), 1e-13);
    }

    [Theory]
    [InlineData(0.0, 1.0, 0.0)]
    [InlineData(0.0, 1.0, 1.3)]
    [InlineData(2.0, 0.5, -1.0)]
    [InlineData(-4.0, 3.0, 5.0)]
    public void GaussianCrpsMatchesNumericalIntegration(double mean, double sd, double y)
    {
        double numeric = NumericCrps(x => Scoring.NormalCdf((x - mean) / sd), y, mean - 14 * sd, mean + 14 * sd, 400_000);
        Assert.Equal(numeric, Scoring.GaussianCrps(mean, sd, y), 1e-8);
    }

    [Fact]
    public void GaussianLogDensityKnownValues()
    {
        Assert.Equal(-0.5 * Math.Log(2 * Math.PI), Scoring.GaussianLogDensity(0, 1, 0), 1e-15);
        Assert.Equal(-0.5 * Math.Log(2 * Math.PI) - Math.Log(2) - 0.5, Scoring.GaussianLogDensity(1, 2, 3), 1e-15);
        Assert.Throws<ArgumentOutOfRangeException>(() => Scoring.GaussianLogDensity(0, 0, 1));
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.5, 0.5204998778130465)]
    [InlineData(1.0, 0.8427007929497149)]
    [InlineData(2.0, 0.9953222650189527)]
    [InlineData(-1.0, -0.8427007929497149)]
    public void ErfKnownValues(double x, double expected) => Assert.Equal(expected, Scoring.Erf(x), 1e-15);

    [Theory]
    [InlineData(0.5, 0.4795001221869535)]
    [InlineData(1.4, 0.04771488023735121)]
    [InlineData(1.5, 0.033894853524689274)]
    [InlineData(2.5, 4.069520174449590e-4)]
    [InlineData(2.9, 4.109787809945886e-05)]
    [InlineData(3.0, 2.209049699858544e-05)]
    [InlineData(4.0, 1.541725790028002e-08)]
    [InlineData(5.0, 1.537459794428035e-12)]
    [InlineData(10.0, 2.088487583762545e-45)]
    public void ErfcKnownValuesRelative(double x, double expected) =>
        Assert.Equal(1.0, Scoring.Erfc(x) / expected, 1e-13);

    [Fact]
    public void NormalCdfKnownValues()
    {
        Assert.Equal(0.5, Scoring.NormalCdf(0), 1e-16);
        Assert.Equal(0.9750021048517795, Scoring.NormalCdf(1.96), 1e-15);
        Assert.Equal(1 - 0.9750021048517795, Scoring.NormalCdf(-1.96), 1e-15);
    }
}
