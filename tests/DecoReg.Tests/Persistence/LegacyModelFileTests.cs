using DecoReg.Data;
using DecoReg.Evaluation;
using DecoReg.Numbers;
using DecoReg.Tests.Data;

namespace DecoReg.Tests.Persistence;

/// <summary>
/// A model file written before the encoder became a module and before options and learned state were separate
/// (Fixtures/yacht-v1.decoreg: UCI yacht split 0, one network, d-model 32, one epoch) still loads, predicts what it
/// predicted when it was written, and saves in the current layout.
/// </summary>
public class LegacyModelFileTests
{
    private static string Fixture => Path.Combine(AppContext.BaseDirectory, "Fixtures", "yacht-v1.decoreg");

    [Fact]
    public void OldModelFile_LoadsAndPredictsAsWhenItWasWritten()
    {
        using var model = DecodingRegressor.Load(Fixture);
        Assert.Equal(1, model.Members);
        Assert.Equal(TargetScaling.Auto, model.Scaling);
        Assert.Equal(32, model.Options.Network.ModelDim);
        Assert.Single(model.MemberReports);

        var (_, test) = UciDataset.LoadSplit(TestData.Path("uci", "yacht"), 0);
        var predictions = model.PredictBatch(test.Features);
        // Means of the first three test rows printed by `decoreg predict` with the code that wrote the file.
        double[] expected = [19.892330325796802, 19.578383784193726, 19.806823671196927];
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(predictions[i].Mean - expected[i]) <= 1e-6 * expected[i], $"row {i}: {predictions[i].Mean} vs {expected[i]}");
        var metrics = RegressionMetrics.Compute(predictions, test.Targets, model.LogLikelihood(test));
        Assert.True(Math.Abs(metrics.Nll - 3.8151663137866727) <= 1e-6, $"NLL {metrics.Nll}");
        Assert.True(Math.Abs(metrics.Rmse - 18.676749226830765) <= 1e-6 * 18.7, $"RMSE {metrics.Rmse}");

        using var dir = new TempDir();
        string path = Path.Combine(dir.FullPath, "resaved.decoreg");
        model.Save(path);
        using var resaved = DecodingRegressor.Load(path);
        Assert.Equal(model.LogLikelihood(test), resaved.LogLikelihood(test));
        Assert.Equal(model.Learned.Codec, resaved.Learned.Codec);
    }
}
