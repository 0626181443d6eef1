using DecoReg.Inputs;
using DecoReg.Numbers;
using DecoReg.Model;
using DecoReg.Tests.Data;
using DecoReg.Training;

namespace DecoReg.Tests.Training;

/// <summary>
/// From <see cref="LargeTables.Rows"/> training rows a table trains 4 members in 128-row batches for ~5,000 steps;
/// what the user gave is kept, transformers and text keep the general defaults, and the model file (with
/// calibration and fine-tuning, which rebuild networks) keeps the member count the network was built with.
/// </summary>
public class LargeTablesTests
{
    private static TrainingPlan Plan(TransformerOptions? network = null, TrainingOptions? training = null) =>
        new RegressorOptions { Network = network ?? new(), Training = training ?? new() }.ToPlan();

    [Fact]
    public void BelowTheThreshold_NothingChanges()
    {
        var plan = Plan();
        Assert.Same(plan, LargeTables.Apply(plan, LargeTables.Rows - 1, tableRows: true));
        var resolved = plan.Training.Resolve(LargeTables.Rows - 1);
        Assert.Equal((64, 1e-3), (resolved.BatchSize, resolved.LearningRate));
        Assert.Equal(TransformerOptions.DefaultMlpMembers, plan.Network.Resolve(tableRows: true).Members);
    }

    [Fact]
    public void ALargeTable_FourMembers_128RowBatchesAtTwiceTheRate_5000Steps()
    {
        // power-plant split 0's training rows: 61 batches of 128 per epoch, ⌈5000/61⌉ = 82 epochs.
        var plan = LargeTables.Apply(Plan(), 7750, tableRows: true);
        var training = plan.Training.Resolve(7750);
        Assert.Equal((LargeTables.Members, BackboneKind.Mlp), (plan.Network.Resolve(true).Members, plan.Network.Resolve(true).Backbone));
        Assert.Equal((128, 2e-3, 82, 16), (training.BatchSize, training.LearningRate, training.Epochs, training.Patience));
    }

    [Fact]
    public void GivenValues_Transformers_AndText_KeepTheirs()
    {
        var given = LargeTables.Apply(Plan(new TransformerOptions { Members = 8 }, new TrainingOptions { BatchSize = 64, Epochs = 30, LearningRate = 5e-4 }), 50_000, true);
        Assert.Equal((8, 64, 30, 5e-4), (given.Network.Members, given.Training.BatchSize, given.Training.Epochs, given.Training.LearningRate));
        var transformer = Plan(new TransformerOptions { Backbone = BackboneKind.Transformer });
        Assert.Same(transformer, LargeTables.Apply(transformer, 50_000, tableRows: true));
        var text = Plan();
        Assert.Same(text, LargeTables.Apply(text, 50_000, tableRows: false));   // Auto reads text with the transformer
        var textMlp = Plan(new TransformerOptions { Backbone = BackboneKind.Mlp });
        Assert.Same(textMlp, LargeTables.Apply(textMlp, 50_000, tableRows: false));   // text read by the MLP over its bag, too
        Assert.Contains("batch size", Assert.Throws<DecoRegException>(() => new TrainingOptions { BatchSize = -1 }.Validate()).Message);
        Assert.Contains("learning rate", Assert.Throws<DecoRegException>(() => new TrainingOptions { LearningRate = double.NaN }.Validate()).Message);
    }

    [Fact]
    public void ALargeTableModel_KeepsItsFourMembers_ThroughSaveLoad_CalibrationAndFineTuning()
    {
        // 5,600 rows: 5,040 train after the 10 % hold-out, over the threshold. One epoch keeps it cheap.
        var data = SyntheticData.Make("large", 5600, seed: 11, (x, rng) => 10 + 3 * x + 0.1 * rng.NextDouble());
        var options = new RegressorOptions { Training = new TrainingOptions { Epochs = 1 }, Threads = 1 };
        using var model = DecodingRegressor.Train(data, options);
        Assert.Equal(LargeTables.Members, model.Network.Members);
        Assert.Equal(0, model.Options.Network.Members);          // the user's options are not rewritten
        Assert.Equal(new NormalizedCodecOptions(10, 3), model.Learned.Codec);   // DefaultCodec: 5,040 rows ≥ 2,000
        Assert.Equal(TargetScaling.Quantile, model.Scaling);
        Assert.Null(model.Options.Codec);
        Assert.Equal(TargetScaling.Auto, model.Options.Scaling);
        Assert.Null(model.Options.SelectScaling);

        using var dir = new TempDir();
        string path = Path.Combine(dir.FullPath, "large.decoreg");
        model.Save(path);
        using var loaded = DecodingRegressor.Load(path);
        Assert.Equal(LargeTables.Members, loaded.Network.Members);
        var points = SyntheticData.Points(-0.5, 0.5);
        Assert.Equal(model.PredictBatch(points).Select(d => d.Mean), loaded.PredictBatch(points).Select(d => d.Mean));

        var few = SyntheticData.Make("few", 300, seed: 12, (x, rng) => 20 + 3 * x + 0.1 * rng.NextDouble());
        using var calibrated = loaded.Calibrate(few);
        Assert.Equal(LargeTables.Members, calibrated.Network.Members);
        using var tuned = loaded.FineTune(few, new FineTuneOptions { Training = new FineTuneOptions().Training with { Epochs = 1 } });
        Assert.Equal(LargeTables.Members, tuned.Network.Members);
        Assert.True(double.IsFinite(tuned.LogLikelihood(few).Average()));
    }

    [Fact]
    public void ALargeTable_TrainsWithTheQuantileWarp_OnlyWhenTheScalingIsLeftToTheData()
    {
        Assert.Equal(TargetScaling.Quantile, LargeTables.Apply(Plan(), 7750, tableRows: true).Scaling);
        Assert.Equal(TargetScaling.Auto, LargeTables.Apply(Plan(), LargeTables.Rows - 1, tableRows: true).Scaling);  // small: selection by training
        var minMax = new RegressorOptions { SelectScaling = false }.ToPlan();       // --scaling minmax
        Assert.Equal(TargetScaling.Auto, LargeTables.Apply(minMax, 7750, tableRows: true).Scaling);
        var select = new RegressorOptions { SelectScaling = true }.ToPlan();
        Assert.Equal(TargetScaling.Auto, LargeTables.Apply(select, 7750, tableRows: true).Scaling);
        var given = new RegressorOptions { Scaling = TargetScaling.Standardize }.ToPlan();
        Assert.Equal(TargetScaling.Standardize, LargeTables.Apply(given, 7750, tableRows: true).Scaling);
        var tasks = new RegressorOptions { TaskColumn = "t" }.ToPlan();
        Assert.Equal(TargetScaling.Auto, LargeTables.Apply(tasks, 7750, tableRows: true).Scaling);
        var ieee = new RegressorOptions { Codec = new IeeeCodecOptions() }.ToPlan();
        Assert.Equal(TargetScaling.Auto, LargeTables.Apply(ieee, 7750, tableRows: true).Scaling);
    }
}
