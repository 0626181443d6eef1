using DecoReg.Bench.Uncertainty;

namespace DecoReg.Tests.Bench;

/// <summary>The report's noise figure for one carving is the spread a simulated exact split-conformal method shows.</summary>
public class ConformalRepeatsTests
{
    [Fact]
    public void ExactStdErr_MatchesASimulatedSplitConformalMethod()
    {
        // Exchangeable scores: n calibration and m test scores uniform; the interval covers a test score when it is at
        // most the ⌈0.9(n + 1)⌉-th smallest calibration score. The spread of the covered fraction over many draws.
        const int n = 55, m = 31, trials = 20000;
        var rng = new Random(7);
        int k = (int)Math.Ceiling(0.9 * (n + 1));
        var coverage = new double[trials];
        for (int t = 0; t < trials; t++)
        {
            var calibration = Enumerable.Range(0, n).Select(_ => rng.NextDouble()).Order().ToArray();
            double threshold = calibration[k - 1];
            coverage[t] = Enumerable.Range(0, m).Count(_ => rng.NextDouble() <= threshold) / (double)m;
        }
        double mean = coverage.Average(), sd = Math.Sqrt(coverage.Sum(c => (c - mean) * (c - mean)) / (trials - 1));
        Assert.InRange(ConformalRepeatsPart.ExactStdErr(n, m, 0.9, splits: 1), sd * 0.97, sd * 1.03);
        Assert.InRange(ConformalRepeatsPart.ExactStdErr(n, m, 0.9, splits: 4), sd / 2 * 0.97, sd / 2 * 1.03);
    }
}
