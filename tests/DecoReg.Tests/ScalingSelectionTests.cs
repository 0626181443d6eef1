using DecoReg.Numbers;
using DecoReg.Data;
using DecoReg.Tests.Data;
using DecoReg.Training;

namespace DecoReg.Tests;

/// <summary>
/// Quantile target scaling on a skewed real target, and <see cref="RegressorOptions.SelectScaling"/>: it keeps the candidate
/// with the lower hold-out NLL, is exactly that candidate's model, and its scores survive a model file.
/// </summary>
public class ScalingSelectionTests
{
    private static RegressorOptions Options(TargetScaling scaling) => new()
    {
        Scaling = scaling,
        SelectScaling = false,
        Training = new TrainingOptions { Seed = 0, TimeLimit = TimeSpan.FromSeconds(60) },
    };

    [Fact]
    public void OnYacht_QuantileScaling_IsSharper_AndSelectKeepsTheBetterHoldOutScore()
    {
        // Yacht's residuary resistance is strongly skewed (most values below 10, a tail to 62): equal-width bins
        // are 0.68 wide, wider than the noise of the bulk of the targets.
        var (train, test) = UciDataset.LoadSplit(TestData.Path("uci", "yacht"), 0);
        var (fit, valid) = Splits.TrainValid(train, 0.1, 0);
        using var linear = DecodingRegressor.Train(fit, Options(TargetScaling.Auto), valid);
        using var quantile = DecodingRegressor.Train(fit, Options(TargetScaling.Quantile), valid);
        double testNllLinear = -linear.LogLikelihood(test).Average();
        double testNllQuantile = -quantile.LogLikelihood(test).Average();
        Assert.True(testNllQuantile < testNllLinear - 0.2, $"test NLL: quantile {testNllQuantile:F3}, min-max {testNllLinear:F3}");

        using var selected = DecodingRegressor.Train(fit, Options(TargetScaling.Auto) with { SelectScaling = true }, valid);
        double validLinear = -linear.LogLikelihood(valid).Average(), validQuantile = -quantile.LogLikelihood(valid).Average();
        Assert.Collection(selected.ScalingTrials,
            t => { Assert.Equal(TargetScaling.Auto, t.Scaling); Tolerance.AssertClose(validLinear, t.ValidationNll, Tolerance.LogLikelihood); },
            t => { Assert.Equal(TargetScaling.Quantile, t.Scaling); Tolerance.AssertClose(validQuantile, t.ValidationNll, Tolerance.LogLikelihood); });
        var kept = validQuantile < validLinear ? TargetScaling.Quantile : TargetScaling.Auto;
        Assert.Equal(kept, selected.Scaling);
        Assert.Equal([kept == TargetScaling.Auto, kept == TargetScaling.Quantile], selected.ScalingTrials.Select(t => t.Chosen));
        var same = kept == TargetScaling.Quantile ? quantile : linear;
        Assert.Equal(same.LogLikelihood(test), selected.LogLikelihood(test));
        Assert.Equal(same.Target.Scaler, selected.Target.Scaler);

        using var dir = new TempDir();
        string path = Path.Combine(dir.FullPath, "selected.decoreg");
        selected.Save(path);
        using var loaded = DecodingRegressor.Load(path);
        Assert.Equal(selected.ScalingTrials, loaded.ScalingTrials);
        Assert.Equal(kept, loaded.Scaling);
    }

    [Fact]
    public void SelectWithAnEnsemble_KeepsTheChosenNetworkAsTheFirstMember_AndTrainsTheRestWithItsScaling()
    {
        var (train, test) = UciDataset.LoadSplit(TestData.Path("uci", "yacht"), 0);
        var (fit, valid) = Splits.TrainValid(train, 0.1, 0);
        RegressorOptions Small(TargetScaling? scaling, int members, int seed) => new()
        {
            Scaling = scaling ?? TargetScaling.Auto,
            SelectScaling = scaling is null,
            EnsembleSize = members,
            Network = new DecoReg.Model.TransformerOptions { ModelDim = 32, Heads = 4, FeedForwardDim = 128 },
            Training = new TrainingOptions { Seed = seed, Epochs = 6 },
        };
        using var single = DecodingRegressor.Train(fit, Small(null, 1, 3), valid);
        using var ensemble = DecodingRegressor.Train(fit, Small(null, 2, 3), valid);
        var kept = single.Scaling;
        using var second = DecodingRegressor.Train(fit, Small(kept, 1, 4), valid);

        Assert.Equal(kept, ensemble.Scaling);
        Assert.Equal(2, ensemble.Options.EnsembleSize);
        Assert.Equal(2, ensemble.MemberReports.Count);
        Assert.Equal(single.ScalingTrials, ensemble.ScalingTrials);
        static IEnumerable<(double, double)> Losses(TrainingReport r) => r.History.Select(h => (h.TrainLoss, h.ValidationLoss));
        Assert.Equal(Losses(single.TrainingReport!), Losses(ensemble.MemberReports[0]));
        Assert.Equal(Losses(second.TrainingReport!), Losses(ensemble.MemberReports[1]));
        var ll = ensemble.LogLikelihood(test);
        var ll0 = single.LogLikelihood(test);
        var ll1 = second.LogLikelihood(test);
        for (int i = 0; i < ll.Length; i++)
            Tolerance.AssertClose(Math.Log((Math.Exp(ll0[i]) + Math.Exp(ll1[i])) / 2), ll[i], Tolerance.LogLikelihood, 1e-6);
    }
}
