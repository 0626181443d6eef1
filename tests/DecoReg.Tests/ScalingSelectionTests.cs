using DecoReg.Numbers;
using DecoReg.Data;
using DecoReg.Tests.Data;
using DecoReg.Training;

namespace DecoReg.Tests;

/// <summary>
/// Quantile target scaling on a skewed real target, and <see cref="RegressorOptions.SelectScaling"/>: it keeps the candidate
/// with the lower hold-out NLL after a quarter of the epochs, ends as exactly that candidate's model, and its scores
/// survive a model file.
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
    public void OnYacht_QuantileScaling_IsSharper()
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
    }

    /// <summary>
    /// The candidates are compared after a quarter of their epochs, each score being exactly the hold-out NLL of that
    /// scaling's training stopped there; the kept one trains on and ends as the same model as that scaling trained
    /// alone, even when it is the first candidate and resumes after the second has trained (Boston split 1 keeps
    /// min-max; yacht keeps the quantile warp).
    /// </summary>
    [Theory]
    [InlineData("yacht", 0, TargetScaling.Quantile)]
    [InlineData("bostonHousing", 1, TargetScaling.Auto)]
    public void Select_ComparesAfterAQuarterOfTheEpochs_AndKeepsExactlyThatScalingsModel(string set, int split, TargetScaling expected)
    {
        var (train, test) = UciDataset.LoadSplit(TestData.Path("uci", set), split);
        var (fit, valid) = Splits.TrainValid(train, 0.1, 0);
        using var selected = DecodingRegressor.Train(fit, Options(TargetScaling.Auto) with { SelectScaling = true }, valid);
        Assert.Equal([TargetScaling.Auto, TargetScaling.Quantile], selected.ScalingTrials.Select(t => t.Scaling));
        int epochs = selected.TrainingReport!.History[0].MaxEpochs;
        Assert.All(selected.ScalingTrials, t => Assert.InRange(t.Epochs, 1, (int)Math.Ceiling(ScalingSelection.CompareAt * epochs)));

        foreach (var trial in selected.ScalingTrials)
        {
            // The same scaling trained alone and stopped after the trial's epochs scores what the trial recorded.
            using var cts = new CancellationTokenSource();
            var stopAt = new DecoReg.Tests.Training.SynchronousProgress(p => { if (p.Epoch == trial.Epochs) cts.Cancel(); });
            using var cut = DecodingRegressor.Train(fit, Options(trial.Scaling), valid, stopAt, cts.Token);
            Assert.Equal(trial.Epochs, cut.TrainingReport!.History.Count);
            Tolerance.AssertClose(-cut.LogLikelihood(valid).Average(), trial.ValidationNll, Tolerance.LogLikelihood);
        }
        var kept = Assert.Single(selected.ScalingTrials, t => t.Chosen);
        Assert.Equal(TimeSpan.Zero, kept.DroppedAfter);
        Assert.True(Assert.Single(selected.ScalingTrials, t => !t.Chosen).DroppedAfter > TimeSpan.Zero);
        Assert.Equal(selected.ScalingTrials.Min(t => t.ValidationNll), kept.ValidationNll);
        Assert.Equal(expected, kept.Scaling);
        Assert.Equal(kept.Scaling, selected.Scaling);
        using var alone = DecodingRegressor.Train(fit, Options(kept.Scaling), valid);
        Assert.Equal(alone.LogLikelihood(test), selected.LogLikelihood(test));
        Assert.Equal(alone.Target.Scaler, selected.Target.Scaler);
        Assert.True(selected.TrainingReport.History.Count > kept.Epochs, "the kept candidate trained on after the comparison");

        using var dir = new TempDir();
        string path = Path.Combine(dir.FullPath, "selected.decoreg");
        selected.Save(path);
        using var loaded = DecodingRegressor.Load(path);
        Assert.Equal(selected.ScalingTrials, loaded.ScalingTrials);
        Assert.Equal(kept.Scaling, loaded.Scaling);
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
        static IEnumerable<ScalingTrial> Untimed(IEnumerable<ScalingTrial> trials) => trials.Select(t => t with { DroppedAfter = default });
        Assert.Equal(Untimed(single.ScalingTrials), Untimed(ensemble.ScalingTrials));
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
