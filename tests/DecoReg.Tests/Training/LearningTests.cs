using DecoReg.Data;
using DecoReg.Evaluation;
using DecoReg.Inference;
using DecoReg.Model;
using DecoReg.Numbers;
using DecoReg.Training;

namespace DecoReg.Tests.Training;

/// <summary>Real trainings on small synthetic and real data: the model learns what it should.</summary>
public class LearningTests
{
    // No time limits: a limit would make the result depend on the machine's speed; epochs and patience bound the work.
    private static RegressorOptions Small(int epochs, int digits = 3) => new()
    {
        Codec = new NormalizedCodecOptions(10, digits),
        Network = new TransformerOptions { ModelDim = 32, FeedForwardDim = 64, Dropout = 0.0 },
        Training = new TrainingOptions { Epochs = epochs, Patience = 40, LearningRate = 3e-3 },
    };

    [Fact]
    public void LearnsNoiselessFunctionNearCodecResolution()
    {
        static double F(double x) => 10 * Math.Sin(2 * x) + 3 * x * x;
        var train = SyntheticData.Make("noiseless", 600, seed: 1, (x, _) => F(x));
        var options = Small(epochs: 150);
        using var model = DecodingRegressor.Train(train, options with { SelectScaling = false, Training = options.Training with { TargetNoise = 0 } });
        var xs = Enumerable.Range(0, 41).Select(i => -0.95 + 1.9 * i / 40).ToArray();
        var predictions = model.PredictBatch(SyntheticData.Points(xs));

        double range = train.Targets.Max() - train.Targets.Min();
        double binWidth = ((MinMaxScaler)model.Target.Scaler).Width / 1000; // normalized codec, 3 digits
        double rmse = Math.Sqrt(xs.Select((x, i) => Math.Pow(predictions[i].Median - F(x), 2)).Average());
        // A 1,000-bin codec over the widened range resolves ~0.024 here; allow a few bins of function error.
        Assert.True(rmse < 10 * binWidth, $"RMSE {rmse:F4} vs bin width {binWidth:F4} (range {range:F2})");
        // Noiseless: the predictive spread is small compared with the target's range.
        double typicalStd = predictions.Select(d => d.StdDev).OrderBy(s => s).ElementAt(predictions.Count / 2);
        Assert.True(typicalStd < 0.05 * range, $"noiseless target, yet median predictive std {typicalStd:F3} (range {range:F2})");
    }

    [Fact]
    public void LearnsBimodalConditionalDistribution()
    {
        // y = +f(x) with probability 0.7, −f(x) with 0.3, plus small noise; f(x) = 3 + x.
        static double F(double x) => 3 + x;
        var train = SyntheticData.Make("bimodal", 1200, seed: 2, (x, rng) => (rng.NextDouble() < 0.7 ? 1 : -1) * F(x) + 0.05 * SyntheticData.Gaussian(rng));
        using var model = DecodingRegressor.Train(train, Small(epochs: 120, digits: 3));
        var xs = Enumerable.Range(0, 9).Select(i => -0.8 + 0.2 * i).ToArray();
        var predictions = model.PredictBatch(SyntheticData.Points(xs));
        var upperMass = new double[xs.Length];
        var meanOffset = new double[xs.Length];
        for (int i = 0; i < xs.Length; i++)
        {
            var d = predictions[i];
            double f = F(xs[i]);
            double upper = d.Probability(f - 0.4, f + 0.4), lower = d.Probability(-f - 0.4, -f + 0.4);
            Assert.True(upper + lower > 0.85, $"x={xs[i]}: mass near the two modes {upper + lower:F3}");
            Assert.InRange(upper, 0.5, 0.9);
            // Theory for a 0.7/0.3 mixture of two narrow modes at ±f: median in the upper mode, mean ≈ 0.4 f in the
            // empty valley between them, the mode at +f.
            Assert.InRange(d.Median, f - 0.4, f + 0.4);
            Assert.InRange(d.Mode, f - 0.4, f + 0.4);
            Assert.True(d.Probability(d.Mean - 0.3, d.Mean + 0.3) < 0.05, "the mean lies in the valley between the modes");
            (upperMass[i], meanOffset[i]) = (upper, d.Mean - 0.4 * f);
        }
        // The weights and the mean, averaged over x (each x's estimate varies by ±0.1 in weight between seeds and recipes).
        Assert.InRange(upperMass.Average(), 0.6, 0.8);
        Assert.InRange(meanOffset.Average(), -0.3, 0.3);
    }

    [Fact]
    public void SameSeedGivesSameModelAndPredictions()
    {
        var train = SyntheticData.Make("seeded", 200, seed: 3, (x, rng) => 2 * x + 0.1 * SyntheticData.Gaussian(rng));
        var options = Small(epochs: 4);
        using var a = DecodingRegressor.Train(train, options);
        using var b = DecodingRegressor.Train(train, options);
        var points = SyntheticData.Points(-0.5, 0.1, 0.7);
        var pa = a.PredictBatch(points);
        var pb = b.PredictBatch(points);
        for (int i = 0; i < pa.Count; i++)
        {
            Assert.Equal(pa[i].Mean, pb[i].Mean);
            Assert.Equal(pa[i].Quantile(0.9), pb[i].Quantile(0.9));
        }
        Assert.Equal(a.TrainingReport!.History.Select(h => h.ValidationLoss), b.TrainingReport!.History.Select(h => h.ValidationLoss));

        using var c = DecodingRegressor.Train(train, options with { Training = options.Training with { Seed = 99 } });
        Assert.NotEqual(pa[0].Mean, c.PredictBatch(points)[0].Mean);
    }

    [Fact]
    public void ConcreteBeatsPredictTheMeanByAWideMargin()
    {
        var (train, test) = UciDataset.LoadSplit(TestData.Path("uci", "concrete"), 0);
        using var model = DecodingRegressor.Train(train, new RegressorOptions { Training = new TrainingOptions { Epochs = 200 } });
        var metrics = RegressionMetrics.Compute(model.PredictBatch(test.Features), test.Targets, model.LogLikelihood(test));

        double mean = train.Targets.Average();
        double std = Math.Sqrt(train.Targets.Select(y => (y - mean) * (y - mean)).Average());
        double baselineRmse = Math.Sqrt(test.Targets.Select(y => (y - mean) * (y - mean)).Average());
        double baselineNll = -test.Targets.Select(y => Scoring.GaussianLogDensity(mean, std, y)).Average();

        Assert.True(metrics.Rmse < 0.5 * baselineRmse, $"RMSE {metrics.Rmse:F2} vs predict-the-mean {baselineRmse:F2}");
        Assert.True(metrics.Nll < baselineNll - 0.6, $"NLL {metrics.Nll:F3} vs Gaussian around the mean {baselineNll:F3}");
        Assert.InRange(metrics.Coverage[0.9], 0.75, 1.0);
    }

    [Fact]
    public void CancellingStopsTrainingAndKeepsTheBestModelSoFar()
    {
        var train = SyntheticData.Make("cancel", 300, seed: 4, (x, rng) => 5 * x + 0.2 * SyntheticData.Gaussian(rng));
        using var cts = new CancellationTokenSource();
        var seen = new List<TrainingProgress>();
        var progress = new SynchronousProgress(p => { seen.Add(p); if (p.Epoch == 3) cts.Cancel(); });
        using var model = DecodingRegressor.Train(train, Small(epochs: 200), null, progress, cts.Token);
        var report = model.TrainingReport!;
        Assert.Equal(3, report.History.Count);
        // A small table chooses its scaling: cancelled during the first candidate, the model is that candidate.
        Assert.All(seen, p => Assert.Equal("scaling auto (1/2)", p.Stage));
        Assert.Equal(seen.Select(p => p with { Stage = null }), report.History);
        Assert.True(Assert.Single(model.ScalingTrials).Chosen);
        Assert.Contains("cancelled", report.StopReason);
        Assert.InRange(report.BestEpoch, 1, 3);
        Assert.Equal(report.History.Min(h => h.ValidationLoss), report.BestValidationLoss);
        Assert.All(seen, p => Assert.True(p.ExamplesPerSecond > 0 && p.TrainLoss > 0));
        Assert.True(double.IsFinite(model.PredictBatch(SyntheticData.Points(0.3))[0].Mean));
    }

}
