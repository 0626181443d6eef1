using DecoReg.Model;
using DecoReg.Numbers;
using DecoReg.Tests.Data;
using DecoReg.Training;

namespace DecoReg.Tests.Persistence;

/// <summary>A trained model saved and loaded predicts exactly the same; damaged files give the documented errors.</summary>
public class ModelRoundTripTests
{
    private static DecodingRegressor TrainSmall(CodecOptions codec, TargetScaling scaling = TargetScaling.Auto)
    {
        var train = SyntheticData.Make("roundtrip", 200, seed: 5, (x, rng) => 50 + 20 * x + rng.NextDouble());
        return DecodingRegressor.Train(train, new RegressorOptions
        {
            Codec = codec,
            Scaling = scaling,
            Network = new TransformerOptions { ModelDim = 16, Heads = 2, FeedForwardDim = 32 },
            Training = new TrainingOptions { Epochs = 2 },
        });
    }

    [Theory]
    [InlineData("normalized", TargetScaling.Auto)]
    [InlineData("ieee", TargetScaling.Auto)]
    [InlineData("normalized", TargetScaling.SignedLog)]
    [InlineData("normalized", TargetScaling.Quantile)]
    public void SaveThenLoadGivesIdenticalPredictions(string codec, TargetScaling scaling)
    {
        CodecOptions options = codec == "ieee" ? new IeeeCodecOptions() : new NormalizedCodecOptions();
        using var dir = new TempDir();
        using var model = TrainSmall(options, scaling);
        string path = Path.Combine(dir.FullPath, "m.decoreg");
        model.Save(path);
        using var loaded = DecodingRegressor.Load(path);

        var points = SyntheticData.Points(-0.9, 0.0, 0.4);
        var before = model.PredictBatch(points);
        var after = loaded.PredictBatch(points);
        for (int i = 0; i < before.Count; i++)
        {
            Assert.Equal(before[i].Values.ToArray(), after[i].Values.ToArray());
            Assert.Equal(before[i].Probabilities.ToArray(), after[i].Probabilities.ToArray());
        }
        Assert.Equal(model.Options, loaded.Options);
        Assert.Equal(model.Target.Scaler, loaded.Target.Scaler);
        Assert.Equal(model.Schema, loaded.Schema);
        Assert.Equal(model.TrainingReport!.History, loaded.TrainingReport!.History);
        Assert.Equal(model.TrainingReport.BestEpoch, loaded.TrainingReport.BestEpoch);
    }

    [Fact]
    public void ModelFileRemembersTheTargetColumn()
    {
        using var dir = new TempDir();
        var rows = Enumerable.Range(0, 60).Select(i => new[] { (string?)(i / 10.0).ToString(System.Globalization.CultureInfo.InvariantCulture), (2 * i).ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToList();
        var data = DecoReg.Data.Dataset.FromTable(new DecoReg.Data.Table("mem", new[] { "x", "strength" }, rows), "strength");
        using var model = DecodingRegressor.Train(data, new RegressorOptions
        {
            Network = new TransformerOptions { ModelDim = 16, Heads = 2, FeedForwardDim = 32 },
            Training = new TrainingOptions { Epochs = 1 },
        });
        Assert.Equal("strength", model.TargetColumn);
        string path = Path.Combine(dir.FullPath, "t.decoreg");
        model.Save(path);
        using var loaded = DecodingRegressor.Load(path);
        Assert.Equal("strength", loaded.TargetColumn);
    }

    [Fact]
    public void CorruptedTruncatedAndForeignFilesGiveClearErrors()
    {
        using var dir = new TempDir();
        using var model = TrainSmall(new NormalizedCodecOptions());
        string path = Path.Combine(dir.FullPath, "m.decoreg");
        model.Save(path);
        var bytes = File.ReadAllBytes(path);

        var corrupted = (byte[])bytes.Clone();
        corrupted[bytes.Length / 2] ^= 0x5A;
        File.WriteAllBytes(path + ".bad", corrupted);
        var e1 = Assert.Throws<DecoRegException>(() => DecodingRegressor.Load(path + ".bad"));
        Assert.Contains("corrupt", e1.Message);

        File.WriteAllBytes(path + ".cut", bytes[..(bytes.Length - 100)]);
        var e2 = Assert.Throws<DecoRegException>(() => DecodingRegressor.Load(path + ".cut"));
        Assert.Contains("truncated", e2.Message);

        var csv = dir.Write("data.csv", "x,y\n1,2\n");
        var e3 = Assert.Throws<DecoRegException>(() => DecodingRegressor.Load(csv));
        Assert.Contains("not a DecoReg model file", e3.Message);

        var e4 = Assert.Throws<DecoRegException>(() => DecodingRegressor.Load(Path.Combine(dir.FullPath, "missing.decoreg")));
        Assert.Contains("missing.decoreg", e4.Message);
    }

    [Fact]
    public void SaveRefusesToOverwriteWhenAskedAndLeavesTheFileIntact()
    {
        using var dir = new TempDir();
        using var model = TrainSmall(new NormalizedCodecOptions());
        string path = dir.Write("existing.decoreg", "keep me");
        Assert.Throws<DecoRegException>(() => model.Save(path, overwrite: false));
        Assert.Equal("keep me", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(dir.FullPath));
    }
}
