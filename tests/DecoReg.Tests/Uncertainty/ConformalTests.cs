using System.Text.Json;
using System.Text.Json.Nodes;
using DecoReg.Evaluation;
using DecoReg.Inference;
using DecoReg.Uncertainty;

namespace DecoReg.Tests.Uncertainty;

/// <summary>The finite-sample ranks, the PIT and CQR corrections on synthetic distributions with a known truth.</summary>
public class ConformalTests
{
    /// <summary>A piecewise-uniform stand-in for N(mean, sd²): 400 equal bins over ±8 sd with normal bin masses (wide enough that every target below falls inside).</summary>
    private static Distribution Normal(double mean, double sd)
    {
        const int bins = 400;
        var edges = Enumerable.Range(0, bins + 1).Select(i => mean + sd * (-8 + 16.0 * i / bins)).ToArray();
        var p = Enumerable.Range(0, bins).Select(i => Scoring.NormalCdf((edges[i + 1] - mean) / sd) - Scoring.NormalCdf((edges[i] - mean) / sd)).ToArray();
        var values = Enumerable.Range(0, bins).Select(i => (edges[i] + edges[i + 1]) / 2).ToArray();
        return new Distribution(values, p, edges[..^1], edges[1..], 1.0);
    }

    /// <summary>Rows whose true noise has sd 2 and a bias of +1, predicted by an overconfident model (sd 1, no bias).</summary>
    private static (Distribution[] Predictions, double[] Targets) Rows(int n, int seed)
    {
        var rng = new Random(seed);
        var predictions = new Distribution[n];
        var targets = new double[n];
        for (int i = 0; i < n; i++)
        {
            double mean = 10 * rng.NextDouble();
            double z = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
            predictions[i] = Normal(mean, 1);
            targets[i] = mean + 1 + 2 * z;
        }
        return (predictions, targets);
    }

    private static double Coverage(IReadOnlyList<PredictionInterval> intervals, IReadOnlyList<double> targets) =>
        intervals.Select((iv, i) => iv.Contains(targets[i]) ? 1.0 : 0.0).Average();

    [Fact]
    public void RanksAndMinimumRowsFollowTheFiniteSampleFormula()
    {
        Assert.Equal(9, ConformalRank.MinimumRows(0.9));
        Assert.Equal(19, ConformalRank.MinimumRows(0.95));
        Assert.Equal(99, ConformalRank.MinimumRows(0.99));
        Assert.Equal(19, ConformalRank.Upper(19, 0.95)); // 20 × 0.95 = 19 despite rounding
        Assert.Equal(1, ConformalRank.Lower(19, 0.05));
        Assert.Throws<DecoRegException>(() => ConformalRank.MinimumRows(1.0));
    }

    [Fact]
    public void PitCalibrationRestoresCoverageOfAnOverconfidentModel()
    {
        var (calibration, calibrationTargets) = Rows(2000, seed: 1);
        var (test, testTargets) = Rows(4000, seed: 2);
        Assert.True(Coverage(test.Select(d => d.Interval(0.9)).ToArray(), testTargets) < 0.65); // miscalibrated before
        var fitted = ConformalCalibration.Fit(calibration, calibrationTargets, ConformalMethod.Pit);
        Assert.Equal(2000, fitted.Rows);
        Assert.Empty(fitted.Cqr);
        Assert.True(fitted.Pits.Zip(fitted.Pits.Skip(1)).All(p => p.First <= p.Second));
        foreach (double level in new[] { 0.5, 0.9, 0.95 })
            Assert.InRange(Coverage(fitted.Intervals(test, level), testTargets), level - 0.035, level + 0.035);
    }

    [Fact]
    public void CqrAndCentredPitAlsoCover()
    {
        var (calibration, calibrationTargets) = Rows(400, seed: 3);
        var (test, testTargets) = Rows(4000, seed: 4);
        double q = ConformalQuantileRegression.Correction(calibration, calibrationTargets, 0.9);
        Assert.True(q > 0);
        Assert.InRange(Coverage(test.Select(d => ConformalQuantileRegression.Interval(d, 0.9, q)).ToArray(), testTargets), 0.87, 0.93);
        var pits = calibration.Select((d, i) => d.Cdf(calibrationTargets[i])).ToArray();
        var (a, b) = PitConformal.CentredBounds(pits, 0.9);
        Assert.InRange(Coverage(test.Select(d => PitConformal.Interval(d, a, b)).ToArray(), testTargets), 0.87, 0.93);
    }

    [Fact]
    public void StoredCqrCoversAtEveryGridLevelAndRefusesOtherLevels()
    {
        var (calibration, calibrationTargets) = Rows(1000, seed: 6);
        var (test, testTargets) = Rows(4000, seed: 7);
        var fitted = ConformalCalibration.Fit(calibration, calibrationTargets);
        Assert.Equal(ConformalMethod.Cqr, fitted.Method);
        Assert.Equal(ConformalQuantileRegression.Grid, fitted.Cqr.Select(c => c.Level));
        foreach (double level in ConformalQuantileRegression.Grid)
        {
            Assert.True(fitted.Supports(level));
            double q = ConformalQuantileRegression.Correction(calibration, calibrationTargets, level);
            Assert.Equal(ConformalQuantileRegression.Interval(test[0], level, q), fitted.Interval(test[0], level));
            Assert.InRange(Coverage(fitted.Intervals(test, level), testTargets), level - 0.035, Math.Min(1, level + 0.035));
        }
        Assert.False(fitted.Supports(0.75));
        var e = Assert.Throws<DecoRegException>(() => fitted.Intervals(test, 0.75));
        Assert.Contains("75 % interval is not among the levels", e.Message);
        Assert.Contains("50, 60, 70, 80, 85, 90, 95, 98, 99 %", e.Message);
        Assert.Contains("--method pit", e.Message);
        Assert.True(ConformalCalibration.Fit(calibration, calibrationTargets, ConformalMethod.Pit).Supports(0.75));
    }

    [Fact]
    public void ACalibrationStoredBeforeTheMethodFieldLoadsAsCentredPit()
    {
        var (calibration, targets) = Rows(200, seed: 8);
        var pit = ConformalCalibration.Fit(calibration, targets, ConformalMethod.Pit);
        var json = JsonNode.Parse(JsonSerializer.Serialize(pit, ModelConfig.Json))!.AsObject();
        Assert.True(json.Remove("Method") && json.Remove("Cqr")); // what files written before CQR was stored hold
        var old = json.Deserialize<ConformalCalibration>(ModelConfig.Json)!;
        Assert.Equal(ConformalMethod.Pit, old.Method);
        Assert.Equal(pit.Intervals(calibration, 0.75), old.Intervals(calibration, 0.75));
        var cqr = ConformalCalibration.Fit(calibration, targets);
        var again = JsonSerializer.Deserialize<ConformalCalibration>(JsonSerializer.Serialize(cqr, ModelConfig.Json), ModelConfig.Json)!;
        Assert.Equal(ConformalMethod.Cqr, again.Method);
        Assert.Equal(cqr.Intervals(calibration, 0.9), again.Intervals(calibration, 0.9));
    }

    [Fact]
    public void TooFewRowsGiveUnboundedSidesAndANamedError()
    {
        var (calibration, targets) = Rows(5, seed: 5);
        var fitted = ConformalCalibration.Fit(calibration, targets);
        var interval = fitted.Interval(calibration[0], 0.9);
        Assert.True(double.IsPositiveInfinity(interval.High));
        Assert.True(double.IsNegativeInfinity(interval.Low));
        var e = Assert.Throws<DecoRegException>(() => fitted.CheckLevel(0.9));
        Assert.Contains("at least 9 calibration rows", e.Message);
    }

    [Fact]
    public void UpperEndCrossesAGapToTheNextBin()
    {
        // two bins [0, 1) and [3, 4), half the mass each: F is flat at 0.5 on [1, 3]
        var d = new Distribution([0.5, 3.5], [0.5, 0.5], [0, 3], [1, 4], 1.0);
        var interval = PitConformal.Interval(d, 0.25, 0.5);
        Assert.Equal(0.5, interval.Low, 12);
        Assert.Equal(3.0, interval.High, 12);
        Assert.True(interval.Contains(2.0)); // F(2) = 0.5 ≤ b
    }

    [Fact]
    public void TheAbstentionScoreIsTheOneThatRanksTheCalibrationRowsErrorsBest()
    {
        // Every row has the same shape (std, widths, entropy alike), but its members' spread grows with its error:
        // only the disagreement ranks the errors, so calibration keeps it; without members, std (the first supported).
        var rows = Enumerable.Range(1, 40).ToArray();
        var withMembers = rows.Select(i => new Distribution([0, 1], [0.5, 0.5], [-0.5, 0.5], [0.5, 1.5], 1) { MemberMeans = [0.5 - i, 0.5 + i] }).ToArray();
        var targets = rows.Select(i => 0.5 + (i % 2 == 0 ? i : -i) * 0.1).ToArray();
        Assert.Equal(ConfidenceScore.Disagreement, ConformalCalibration.BestScore(withMembers, targets));
        var fitted = ConformalCalibration.Fit(withMembers, targets);
        Assert.Equal(ConfidenceScore.Disagreement, fitted.Score);
        Assert.Equal(rows.Select(i => (double)i), fitted.Scores);
        Assert.Equal(ConfidenceScore.IntervalWidth, ConformalCalibration.Fit(withMembers, targets, score: ConfidenceScore.IntervalWidth).Score);

        var plain = rows.Select(_ => new Distribution([0, 1], [0.5, 0.5], [-0.5, 0.5], [0.5, 1.5], 1)).ToArray();
        Assert.Equal(ConfidenceScore.StdDev, ConformalCalibration.Fit(plain, targets).Score);
    }
}
