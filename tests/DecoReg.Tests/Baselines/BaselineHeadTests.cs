using DecoReg.Baselines;
using DecoReg.Evaluation;

namespace DecoReg.Tests.Baselines;

public class BaselineHeadTests
{
    internal static readonly DecoReg.Data.Dataset Train = Synthetic.Make(400, seed: 1);
    internal static readonly DecoReg.Data.Dataset Test = Synthetic.Make(150, seed: 2);

    /// <summary>The column-token transformer (one network) or DecoReg's default MLP backbone with 4 members.</summary>
    private static BaselineOptions On(bool mlp) => mlp ? Synthetic.MlpOptions : Synthetic.Options;

    internal static void AssertBeatsTheMean(IBaseline model)
    {
        var (meanRmse, meanNll) = Synthetic.PredictTheMean(Train, Test);
        var metrics = RegressionMetrics.Compute(model.Predict(Test.Features), Test.Targets, model.LogLikelihood(Test));
        Assert.True(metrics.Rmse < 0.6 * meanRmse, $"{model.Name}: RMSE {metrics.Rmse} vs predict-the-mean {meanRmse}");
        Assert.True(metrics.Nll < meanNll - 0.3, $"{model.Name}: NLL {metrics.Nll} vs marginal Gaussian {meanNll}");
        Assert.True(double.IsFinite(metrics.Crps) && metrics.Crps > 0);
    }

    [Fact]
    public void Gaussian_BeatsTheMean_AndItsNllIsTheClosedForm()
    {
        using var model = GaussianBaseline.Train(Train, null, Synthetic.Options);
        AssertBeatsTheMean(model);
        var (mean, sd) = model.PredictParameters(Test.Features);
        var ll = model.LogLikelihood(Test);
        var predictions = model.Predict(Test.Features);
        for (int i = 0; i < Test.RowCount; i++)
        {
            Tolerance.AssertClose(Scoring.GaussianLogDensity(mean[i], sd[i], Test.Targets[i]), ll[i], Tolerance.LogLikelihood, 1e-6);
            Assert.Equal(mean[i], predictions[i].Mean, 1e-4 * sd[i]);
            Assert.Equal(sd[i], Math.Sqrt(predictions[i].Variance), 1e-3 * sd[i]);
        }
    }

    /// <summary>With members the bins are the members' averaged probabilities: the mixture's density, exactly.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Histogram_BeatsTheMean_AndItsNllIsTheBinDensity(bool mlp)
    {
        using var model = HistogramBaseline.Train(Train, null, On(mlp));
        AssertBeatsTheMean(model);
        var ll = model.LogLikelihood(Test);
        var predictions = model.Predict(Test.Features);
        for (int i = 0; i < Test.RowCount; i++)
            Tolerance.AssertClose(predictions[i].LogDensity(Test.Targets[i]), ll[i], Tolerance.LogLikelihood, 1e-6);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void MixtureDensity_BeatsTheMean_AndItsNllMatchesTheGrid(bool mlp)
    {
        using var model = MixtureDensityBaseline.Train(Train, null, On(mlp));
        AssertBeatsTheMean(model);
        var ll = model.LogLikelihood(Test);
        var predictions = model.Predict(Test.Features);
        // The grid's bin density approximates the exact mixture density (bins ≪ σ for a smooth fit).
        double gap = Enumerable.Range(0, Test.RowCount).Average(i => Math.Abs(predictions[i].LogDensity(Test.Targets[i]) - ll[i]));
        Assert.True(gap < 0.01, $"mean |grid log-density − exact| = {gap}");
    }

    [Fact]
    public void Grid_ReproducesTheGaussian()
    {
        var d = GaussianMixtureGrid.Gaussian(2, 3);
        Assert.Equal(2, d.Mean, 1e-6);
        Assert.Equal(3, d.StdDev, 1e-3);
        Assert.Equal(2 + 1.6448536269514722 * 3, d.Quantile(0.95), 1e-4);
        Assert.Equal(Scoring.GaussianCrps(2, 3, 4.5), Scoring.Crps(d, 4.5), 1e-4);
        var m = GaussianMixtureGrid.Mixture([0.25, 0.75], [-1, 4], [0.5, 2]);
        Assert.Equal(0.25 * -1 + 0.75 * 4, m.Mean, 1e-4);
        Assert.Equal(0.25 * Scoring.NormalCdf(5) + 0.75 * Scoring.NormalCdf(-1.25), m.Cdf(1.5), 1e-4);
    }
}
