using DecoReg.Numbers;
using DecoReg.Tests.Data;
using DecoReg.Training;

namespace DecoReg.Tests.Training;

/// <summary>
/// With the codec left unset a single-task table read by the MLP gets 3 digits from <see cref="DefaultCodec.FineRows"/>
/// training rows and 2 below; a given codec, multi-task plans, text and the transformer keep theirs; the user's options
/// are never rewritten.
/// </summary>
public class DefaultCodecTests
{
    [Fact]
    public void UnsetCodec_TwoDigitsBelowTheThreshold_ThreeFromIt()
    {
        var plan = new RegressorOptions().ToPlan();
        Assert.True(plan.CodecByData);
        Assert.Equal(new NormalizedCodecOptions(10, 2), plan.Codec);
        Assert.Same(plan, DefaultCodec.Apply(plan, DefaultCodec.FineRows - 1, tableRows: true));
        Assert.Equal(new NormalizedCodecOptions(10, 3), DefaultCodec.Apply(plan, DefaultCodec.FineRows, tableRows: true).Codec);
    }

    [Fact]
    public void AGivenCodec_MultiTaskPlans_Text_AndTheTransformer_KeepTheirs()
    {
        var given = new RegressorOptions { Codec = new NormalizedCodecOptions(10, 2) }.ToPlan();
        Assert.False(given.CodecByData);
        Assert.Same(given, DefaultCodec.Apply(given, 50_000, true));
        var p10 = new RegressorOptions { Codec = new P10CodecOptions() }.ToPlan();
        Assert.Same(p10, DefaultCodec.Apply(p10, 50_000, true));
        var tasks = new RegressorOptions { TaskColumn = "section" }.ToPlan();
        Assert.Same(tasks, DefaultCodec.Apply(tasks, 50_000, true));
        var plan = new RegressorOptions().ToPlan();
        Assert.Same(plan, DefaultCodec.Apply(plan, 50_000, tableRows: false));   // text keeps 2 digits
        var transformer = new RegressorOptions { Network = new DecoReg.Model.TransformerOptions { Backbone = DecoReg.Model.BackboneKind.Transformer } }.ToPlan();
        Assert.Same(transformer, DefaultCodec.Apply(transformer, 50_000, true));
    }

    [Fact]
    public void ARealTraining_OverTheThreshold_DecodesThreeDigits_AndKeepsTheOptionsUnset()
    {
        // 2,400 rows: 2,160 train after the 10 % hold-out. Two epochs keep it cheap.
        var data = SyntheticData.Make("fine", 2400, seed: 5, (x, rng) => 50 + 20 * x + SyntheticData.Gaussian(rng));
        using var model = DecodingRegressor.Train(data, new RegressorOptions { Training = new TrainingOptions { Epochs = 2 }, Threads = 1 });
        Assert.Null(model.Options.Codec);
        Assert.Equal(new NormalizedCodecOptions(10, 3), model.Learned.Codec);
        var d = model.PredictBatch(SyntheticData.Points(0.0))[0];
        // Targets span about 46 (×1.2 with the margin): 1,000 bins are 0.055 wide, 100 would be 0.55.
        Assert.InRange(d.BinHighs[d.Count / 2] - d.BinLows[d.Count / 2], 0.01, 0.1);
        using var dir = new TempDir();
        string path = Path.Combine(dir.FullPath, "fine.decoreg");
        model.Save(path);
        using var loaded = DecodingRegressor.Load(path);
        Assert.Null(loaded.Options.Codec);
        Assert.Equal(model.Learned.Codec, loaded.Learned.Codec);
        Assert.Equal(d.Mean, loaded.PredictBatch(SyntheticData.Points(0.0))[0].Mean);
    }
}
