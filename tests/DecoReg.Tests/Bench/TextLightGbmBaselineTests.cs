using DecoReg.Bench;
using DecoReg.Data;
using DecoReg.Evaluation;

namespace DecoReg.Tests.Bench;

public class TextLightGbmBaselineTests
{
    [Fact]
    public void ReadsDebianRecordsAsTextWithACalibratedLogSpaceGaussian()
    {
        var train = Load("train.jsonl", 2000);
        var test = Load("test.jsonl", 500);
        using var model = TextLightGbmBaseline.Train(train, null, new LightGbmBaseline.Settings { MaxRounds = 300, LearningRate = 0.1, Threads = 2 });
        var predictions = model.Predict(test.Features);
        var ll = model.LogLikelihood(test);
        var metrics = RegressionMetrics.Compute(predictions, test.Targets, ll);
        Assert.True(metrics.Spearman > 0.5, $"Spearman {metrics.Spearman}");
        Assert.InRange(metrics.Coverage[0.9], 0.8, 0.97);
        Assert.True(double.IsFinite(metrics.Nll), $"NLL {metrics.Nll}");

        // The grid agrees with the exact density: same median (in log space μ) and the same interval edges.
        var mu = model.PredictLogMeans(test.Features);
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(TextLightGbmBaseline.InverseSignedLog10(mu[i]), predictions[i].Median, 1e-6 * (1 + predictions[i].Median));
            double hi = TextLightGbmBaseline.InverseSignedLog10(mu[i] + 1.6448536269514722 * model.Sigma);
            Assert.Equal(hi, predictions[i].Interval(0.9).High, 1e-3 * (1 + hi));
        }
    }

    [Fact]
    public void LogDensityIsTheLogSpaceGaussianWithItsJacobian()
    {
        var train = Load("train.jsonl", 300);
        using var model = TextLightGbmBaseline.Train(train, null, new LightGbmBaseline.Settings { MaxRounds = 50, Threads = 2 });
        // ∫ p(y) dy = 1 in target units, by the trapezoid rule on a log-spaced grid over μ ± 10σ for μ = 1 (y ≈ 9).
        const int steps = 200_000;
        double mu = 1.0, t0 = mu - 10 * model.Sigma, dt = 20 * model.Sigma / steps, integral = 0;
        double previousY = TextLightGbmBaseline.InverseSignedLog10(t0), previousP = Math.Exp(model.LogDensity(mu, previousY));
        for (int k = 1; k <= steps; k++)
        {
            double y = TextLightGbmBaseline.InverseSignedLog10(t0 + k * dt);
            double p = Math.Exp(model.LogDensity(mu, y));
            integral += 0.5 * (p + previousP) * (y - previousY);
            (previousY, previousP) = (y, p);
        }
        Assert.Equal(1.0, integral, 3);
        // Negative targets use the signed log (same Jacobian with |y|).
        Assert.Equal(-2.0, TextLightGbmBaseline.SignedLog10(-99), 12);
        Assert.Equal(-99, TextLightGbmBaseline.InverseSignedLog10(-2.0), 9);
    }

    private static Dataset Load(string file, int rows)
    {
        var table = JsonLinesTableReader.Read(TestData.Path("text", "debian-packages", file));
        var data = Dataset.FromTable(table, "installed_size_kib", name: file);
        return data.Subset(Enumerable.Range(0, rows).ToArray());
    }
}
