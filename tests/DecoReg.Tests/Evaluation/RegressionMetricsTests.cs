using System.Text.Json;
using DecoReg.Evaluation;
using DecoReg.Inference;
using DecoReg.Tests.Inference;

namespace DecoReg.Tests.Evaluation;

public class RegressionMetricsTests
{
    /// <summary>One atom at v with bin [v − ½, v + ½): mean = median = v.</summary>
    private static Distribution Point(double v) => new([v], [1], [v - 0.5], [v + 0.5], 1);

    [Fact]
    public void RmseMaeR2OnHandExample()
    {
        // Predictions 1, 3, 3 against targets 1, 2, 4: errors 0, 1, −1 → SSE 2; target mean 7/3, SST 42/9.
        var report = RegressionMetrics.Compute([Point(1), Point(3), Point(3)], [1, 2, 4]);
        Assert.Equal(3, report.Rows);
        Assert.Equal(Math.Sqrt(2.0 / 3), report.Rmse, 1e-14);
        Assert.Equal(2.0 / 3, report.Mae, 1e-14);
        Assert.Equal(4.0 / 7, report.R2, 1e-14);
    }

    [Fact]
    public void RmseUsesMeanAndMaeUsesMedian()
    {
        // Hand example: mean 3.05, median 2.6; target 3.
        var report = RegressionMetrics.Compute([DistributionTests.Hand()], [3.0]);
        Assert.Equal(0.05, report.Rmse, 1e-12);
        Assert.Equal(0.4, report.Mae, 1e-12);
        Assert.True(double.IsNaN(report.R2)); // one target: no variance
    }

    /// <summary>N(mean, sd²) discretized into bins of width h over mean ± 8 sd, probability = Φ(b) − Φ(a).</summary>
    private static Distribution DiscretizedGaussian(double mean, double sd, double h)
    {
        int n = (int)Math.Round(16 * sd / h);
        var values = new double[n];
        var probabilities = new double[n];
        var lows = new double[n];
        var highs = new double[n];
        for (int i = 0; i < n; i++)
        {
            lows[i] = mean - 8 * sd + i * h;
            highs[i] = lows[i] + h;
            values[i] = lows[i] + h / 2;
            probabilities[i] = Scoring.NormalCdf((highs[i] - mean) / sd) - Scoring.NormalCdf((lows[i] - mean) / sd);
        }
        return new Distribution(values, probabilities, lows, highs, 1);
    }

    [Fact]
    public void NllOfDiscretizedGaussianApproachesGaussianNll()
    {
        var d1 = DiscretizedGaussian(0, 1, 0.01);
        var d2 = DiscretizedGaussian(5, 2, 0.01);
        double[] targets = [0.305, 3.705]; // bin centres: the bin-average density matches the density to O(h²)
        var report = RegressionMetrics.Compute([d1, d2], targets);
        double expected = -(Scoring.GaussianLogDensity(0, 1, 0.305) + Scoring.GaussianLogDensity(5, 2, 3.705)) / 2;
        Assert.Equal(expected, report.Nll, 1e-4);
        // The discretized CRPS approaches the Gaussian closed form too.
        double crps = (Scoring.GaussianCrps(0, 1, 0.305) + Scoring.GaussianCrps(5, 2, 3.705)) / 2;
        Assert.Equal(crps, report.Crps, 1e-4);
    }

    [Fact]
    public void NllUsesGivenLogLikelihoods()
    {
        var report = RegressionMetrics.Compute([Point(1), Point(2)], [1, 2], logLikelihoods: [-1.0, -2.0]);
        Assert.Equal(1.5, report.Nll, 1e-15);
        var fromDensity = RegressionMetrics.Compute([Point(1), Point(2)], [1, 2]);
        Assert.Equal(0.0, fromDensity.Nll, 1e-15); // density 1 inside a unit bin
        var outside = RegressionMetrics.Compute([Point(1)], [5.0]);
        Assert.Equal(double.PositiveInfinity, outside.Nll);
    }

    [Fact]
    public void CrpsIsMeanOfPerRowCrps()
    {
        var u = new Distribution([0.5], [1], [0], [1], 1);
        var report = RegressionMetrics.Compute([u, u], [0.5, 2]);
        Assert.Equal((1.0 / 12 + 4.0 / 3) / 2, report.Crps, 1e-14);
    }

    [Fact]
    public void CoverageAndWidthOfCentralIntervals()
    {
        // Uniform(0, 10): intervals 0.5 → [2.5, 7.5], 0.9 → [0.5, 9.5], 0.95 → [0.25, 9.75].
        var u = DistributionTests.Uniform(10);
        var report = RegressionMetrics.Compute([u, u, u, u], [0.2, 5, 9.6, 2.5]);
        Assert.Equal(0.5, report.Coverage[0.5], 1e-15);   // 5 and 2.5 (closed interval)
        Assert.Equal(0.5, report.Coverage[0.9], 1e-15);   // 5, 2.5
        Assert.Equal(0.75, report.Coverage[0.95], 1e-15); // 5, 9.6, 2.5
        Assert.Equal(5.0, report.IntervalWidth[0.5], 1e-12);
        Assert.Equal(9.0, report.IntervalWidth[0.9], 1e-12);
        Assert.Equal(9.5, report.IntervalWidth[0.95], 1e-12);
    }

    [Fact]
    public void RankCorrelationsUseMediansAgainstTargets()
    {
        var report = RegressionMetrics.Compute([Point(1), Point(2), Point(2), Point(3)], [1, 3, 2, 2]);
        Assert.Equal(0.4, report.KendallTau, 1e-15);
        Assert.Equal(0.5, report.Spearman, 1e-15);
        // A heavy right tail: the first row's median (≈ 1.3) ranks below the second's (2), its mean (≈ 40.6) above.
        var tailed = new Distribution([1, 100], [0.6, 0.4], [0.5, 99.5], [1.5, 100.5], 1);
        Assert.True(tailed.Mean > 2 && tailed.Median < 2);
        var ranked = RegressionMetrics.Compute([tailed, Point(2)], [1, 2]);
        Assert.Equal(1.0, ranked.Spearman, 1e-15);
        Assert.Equal(1.0, ranked.KendallTau, 1e-15);
    }

    [Fact]
    public void JsonHasExactlyTheListedKeys()
    {
        var u = DistributionTests.Uniform(10);
        var report = RegressionMetrics.Compute([u, u, u], [1, 2, 3]);
        using var json = JsonDocument.Parse(report.ToJson());
        var root = json.RootElement;
        Assert.Equal(
            ["rows", "rmse", "mae", "r2", "kendall_tau", "spearman", "nll", "crps", "coverage", "interval_width"],
            root.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(["0.5", "0.9", "0.95"], root.GetProperty("coverage").EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(["0.5", "0.9", "0.95"], root.GetProperty("interval_width").EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(3, root.GetProperty("rows").GetInt32());
        Assert.Equal(report.Rmse, root.GetProperty("rmse").GetDouble());
        Assert.Equal(9.0, root.GetProperty("interval_width").GetProperty("0.9").GetDouble(), 1e-12);
        // Constant predictions: rank correlations undefined → null.
        Assert.Equal(JsonValueKind.Null, root.GetProperty("kendall_tau").ValueKind);
    }

    [Fact]
    public void RejectsMismatchedInputs()
    {
        Assert.Throws<ArgumentException>(() => RegressionMetrics.Compute([Point(1)], [1, 2]));
        Assert.Throws<ArgumentException>(() => RegressionMetrics.Compute([Point(1)], [double.NaN]));
        Assert.Throws<ArgumentException>(() => RegressionMetrics.Compute([Point(1)], [1], [0.0, 1.0]));
        Assert.Throws<ArgumentException>(() => RegressionMetrics.Compute([], []));
    }
}
