using DecoReg.Data;
using DecoReg.Evaluation;
using DecoReg.Inference;
using DecoReg.Model;
using DecoReg.Tests.Data;
using DecoReg.Training;

namespace DecoReg.Tests;

/// <summary>An ensemble is exactly the mixture of the single networks it is made of, survives a model file, and on real data its likelihood beats one network's.</summary>
public class EnsembleTests
{
    private static RegressorOptions Options(int members, int seed, int epochs) => new()
    {
        EnsembleSize = members,
        Network = new TransformerOptions { ModelDim = 32, Heads = 4, FeedForwardDim = 128 },
        Training = new TrainingOptions { Seed = seed, Epochs = epochs, Patience = 20 },
    };

    [Fact]
    public void Mix_MergesEqualSequences_WithEqualWeights()
    {
        var a = new SequenceDistribution(2, [1, 2, 3, 4], [0.75, 0.25], 1.0);
        var b = new SequenceDistribution(2, [3, 4, 5, 6], [0.5, 0.4], 0.9);
        var mix = MixtureDecoder.Mix([a, b]);
        Assert.Equal(3, mix.Count);
        Assert.Equal([1, 2, 3, 4, 5, 6], mix.Tokens);
        Assert.Equal(0.375, mix.Probabilities[0], 1e-12);
        Assert.Equal(0.125 + 0.25, mix.Probabilities[1], 1e-12);
        Assert.Equal(0.2, mix.Probabilities[2], 1e-12);
        Assert.Equal(0.95, mix.CoveredMass, 1e-12);
        Assert.Throws<ArgumentException>(() => MixtureDecoder.Mix([a, new SequenceDistribution(3, [1, 2, 3], [1.0], 1.0)]));
    }

    [Fact]
    public void Ensemble_IsTheMixtureOfItsMembers_AndSurvivesAModelFile()
    {
        var (train, test) = UciDataset.LoadSplit(TestData.Path("uci", "yacht"), 0);
        var (fit, valid) = Splits.TrainValid(train, 0.1, 0);
        using var ensemble = DecodingRegressor.Train(fit, Options(2, 7, 6), valid);
        using var first = DecodingRegressor.Train(fit, Options(1, 7, 6), valid);
        using var second = DecodingRegressor.Train(fit, Options(1, 8, 6), valid);

        var ll = ensemble.LogLikelihood(test);
        var ll0 = first.LogLikelihood(test);
        var ll1 = second.LogLikelihood(test);
        for (int i = 0; i < ll.Length; i++)
        {
            double expected = Math.Log((Math.Exp(ll0[i]) + Math.Exp(ll1[i])) / 2);
            Tolerance.AssertClose(expected, ll[i], Tolerance.LogLikelihood, 1e-6);
        }
        Assert.NotEqual(ll0, ll1); // the members differ

        var exact = new PredictionOptions { Mass = 1.0, MaxSequences = 1 << 16 };
        var mixed = ensemble.PredictBatch(test.Features, exact);
        var p0 = first.PredictBatch(test.Features, exact);
        var p1 = second.PredictBatch(test.Features, exact);
        for (int i = 0; i < mixed.Count; i++)
        {
            Assert.Equal((p0[i].Mean + p1[i].Mean) / 2, mixed[i].Mean, 1e-4 * (1 + Math.Abs(mixed[i].Mean)));
            Assert.Equal((p0[i].Cdf(test.Targets[i]) + p1[i].Cdf(test.Targets[i])) / 2, mixed[i].Cdf(test.Targets[i]), 1e-6);
            // The ensemble's members are every member of both networks, each keeping its own mean.
            var members = p0[i].MemberMeans.Concat(p1[i].MemberMeans).ToArray();
            Assert.Equal(members.Length, mixed[i].MemberMeans.Count);
            for (int m = 0; m < members.Length; m++) Assert.Equal(members[m], mixed[i].MemberMeans[m], 1e-6 * (1 + Math.Abs(members[m])));
        }

        Assert.Equal(2, ensemble.MemberReports.Count);
        using var dir = new TempDir();
        string path = Path.Combine(dir.FullPath, "ensemble.decoreg");
        ensemble.Save(path);
        using var loaded = DecodingRegressor.Load(path);
        Assert.Equal(2, loaded.Options.EnsembleSize);
        Assert.Equal(ll, loaded.LogLikelihood(test));
        Assert.Equal(ensemble.MemberReports[1].History, loaded.MemberReports[1].History);
        var again = loaded.PredictBatch(test.Features, exact);
        for (int i = 0; i < mixed.Count; i++) Assert.Equal(mixed[i].Probabilities.ToArray(), again[i].Probabilities.ToArray());
    }

    [Fact]
    public void OnConcrete_AnEnsembleOfThree_HasABetterLikelihoodThanOneNetwork()
    {
        var (train, test) = UciDataset.LoadSplit(TestData.Path("uci", "concrete"), 0);
        using var single = DecodingRegressor.Train(train, Options(1, 0, 40));
        using var ensemble = DecodingRegressor.Train(train, Options(3, 0, 40));
        double nllSingle = -single.LogLikelihood(test).Average();
        double nllEnsemble = -ensemble.LogLikelihood(test).Average();
        Assert.True(nllEnsemble < nllSingle - 0.02, $"ensemble NLL {nllEnsemble:F3} vs single {nllSingle:F3}");
        var rmse = RegressionMetrics.Compute(ensemble.PredictBatch(test.Features), test.Targets).Rmse;
        Assert.True(rmse < 8, $"ensemble RMSE {rmse:F2}");
    }

    [Theory]
    [InlineData(0, false, "ensemble size must be between 1 and 64")]
    [InlineData(2, true, "temperature calibration is for single networks")]
    public void BadEnsembleOptions_AreUserErrors(int members, bool calibrate, string message)
    {
        var (train, _) = UciDataset.LoadSplit(TestData.Path("uci", "yacht"), 0);
        var e = Assert.Throws<DecoRegException>(() =>
            DecodingRegressor.Train(train, Options(members, 0, 1) with { CalibrateTemperature = calibrate }));
        Assert.Contains(message, e.Message);
    }
}
