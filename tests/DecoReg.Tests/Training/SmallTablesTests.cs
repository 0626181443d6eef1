using DecoReg.Data;
using DecoReg.Model;
using DecoReg.Numbers;
using DecoReg.Tests.Data;
using DecoReg.Training;

namespace DecoReg.Tests.Training;

/// <summary>
/// Below <see cref="LargeTables.Rows"/> training rows a single-task table read by the MLP backbone, with the normalized
/// codec and the scaling at auto, chooses its scaling on the hold-out; every other case, and an explicit choice, is
/// kept; the user's options are not rewritten.
/// </summary>
public class SmallTablesTests
{
    private static bool? Selects(RegressorOptions options, int rows, bool tableRows = true) =>
        SmallTables.Apply(options.ToPlan(), rows, tableRows).SelectScaling;

    [Fact]
    public void ASmallTable_SelectsItsScaling_OtherCasesKeepTheirs()
    {
        var defaults = new RegressorOptions();
        Assert.True(Selects(defaults, LargeTables.Rows - 1));
        Assert.False(Selects(defaults, LargeTables.Rows));
        Assert.False(Selects(defaults, 500, tableRows: false));                         // text inputs: the quantile warp
        Assert.False(Selects(defaults with { Network = new TransformerOptions { Backbone = BackboneKind.Transformer } }, 500));
        Assert.False(Selects(defaults with { TaskColumn = "task" }, 500));                // multi-task: the quantile warp
        Assert.False(Selects(defaults with { Codec = new IeeeCodecOptions(10, 1, 4) }, 500));
        Assert.False(Selects(defaults with { Scaling = TargetScaling.Quantile }, 500));
        Assert.False(Selects(defaults with { SelectScaling = false }, 500));
        Assert.True(Selects(defaults with { SelectScaling = true }, 50_000));
    }

    [Fact]
    public void DefaultTrainingOnYacht_TriesBothScalings_KeepsOne_AndLeavesTheOptionsAsGiven()
    {
        var (train, test) = UciDataset.LoadSplit(TestData.Path("uci", "yacht"), 0);
        var options = new RegressorOptions { Training = new TrainingOptions { Epochs = 4, Seed = 0 }, Threads = 1 };
        using var model = DecodingRegressor.Train(train, options);
        Assert.Equal([TargetScaling.Auto, TargetScaling.Quantile], model.ScalingTrials.Select(t => t.Scaling));
        var kept = Assert.Single(model.ScalingTrials, t => t.Chosen);
        Assert.Equal(kept.Scaling, model.Scaling);
        Assert.Equal(model.ScalingTrials.Min(t => t.ValidationNll), kept.ValidationNll);
        Assert.Null(model.Options.SelectScaling);
        Assert.Equal(4, model.Learned.MembersPerRow);   // half of the 8 members read each row per step (MemberSampling)
        Assert.Equal(0, model.Options.Training.MembersPerRow);

        using var minMax = DecodingRegressor.Train(train, options with { SelectScaling = false });
        Assert.Empty(minMax.ScalingTrials);
        Assert.Equal(TargetScaling.Auto, minMax.Scaling);

        using var dir = new TempDir();
        string path = Path.Combine(dir.FullPath, "yacht.decoreg");
        model.Save(path);
        using var loaded = DecodingRegressor.Load(path);
        Assert.Null(loaded.Options.SelectScaling);
        Assert.Equal(4, loaded.Learned.MembersPerRow);
        Assert.Equal(model.ScalingTrials, loaded.ScalingTrials);
        Assert.Equal(model.LogLikelihood(test), loaded.LogLikelihood(test));
    }
}
