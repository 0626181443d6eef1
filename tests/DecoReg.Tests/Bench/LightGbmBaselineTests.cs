using DecoReg.Bench;
using DecoReg.Evaluation;
using DecoReg.Tests.Baselines;

namespace DecoReg.Tests.Bench;

public class LightGbmBaselineTests
{
    [Fact]
    public void BeatsTheMean_WithAGaussianOfTheValidationResidualVariance()
    {
        var train = Synthetic.Make(400, seed: 1);
        var test = Synthetic.Make(150, seed: 2);
        using var model = LightGbmBaseline.Train(train, null, new LightGbmBaseline.Settings { MaxRounds = 300, Threads = 1 });
        var (meanRmse, meanNll) = Synthetic.PredictTheMean(train, test);
        var means = model.PredictMeans(test.Features);
        var ll = model.LogLikelihood(test);
        for (int i = 0; i < test.RowCount; i++)
            Tolerance.AssertClose(Scoring.GaussianLogDensity(means[i], model.Sigma, test.Targets[i]), ll[i], 1e-9, 1e-12);
        var metrics = RegressionMetrics.Compute(model.Predict(test.Features), test.Targets, ll);
        Assert.True(metrics.Rmse < 0.6 * meanRmse, $"RMSE {metrics.Rmse} vs {meanRmse}");
        Assert.True(metrics.Nll < meanNll, $"NLL {metrics.Nll} vs {meanNll}");
        Assert.InRange(model.Sigma, 0.1, 1.0); // noise sd is 0.2
    }
}
