using DecoReg.Data;
using DecoReg.Inputs;
using DecoReg.Model;
using DecoReg.Training;
using TorchSharp;

namespace DecoReg.Tests.Training;

/// <summary>
/// Fine-tuning moves the n-gram bag's table at <see cref="TrainingOptions.TableLearningRateScale"/> times the network's
/// rate, and the rest of the network at the network's rate: real Debian records, a real pretraining and fine-tunings.
/// </summary>
public class FineTuneTableRateTests
{
    [Fact]
    public void TheBagTableMovesAtItsScale_TheRestAtTheNetworksRate()
    {
        var all = Dataset.FromTable(TableLoader.ReadTable(TestData.Path("text", "debian-packages", "train.jsonl")), "installed_size_kib");
        var sections = Tasks.Of(all.Features, "section");
        int[] Rows(string s, int n) => Enumerable.Range(0, all.RowCount).Where(r => sections[r] == s).Take(n).ToArray();
        var options = new RegressorOptions
        {
            TaskColumn = "section",
            Inputs = new InputOptions { Mode = InputMode.Text, NgramBuckets = 4096 },
            Network = new TransformerOptions { Backbone = BackboneKind.Mlp, ModelDim = 32, FeedForwardDim = 64, Dropout = 0.0 },
            Training = new TrainingOptions { Epochs = 1, Patience = 100 },
        };
        using var pretrained = DecodingRegressor.Train(all.Subset(Rows("libs", 150).Concat(Rows("perl", 150)).Order().ToArray(), "2 sections"), options);
        var rust = all.Subset(Rows("rust", 60), "rust");
        Assert.Equal(30, new FineTuneOptions().Training.TableLearningRateScale);

        // One epoch each, no warm-up (the peak rate from the first step, then the same cosine decay for both), the same
        // rows, seed and every other option.
        var oneEpoch = new FineTuneOptions { CalibrateTemperature = false, Training = new FineTuneOptions().Training with { Epochs = 1, WarmupFraction = 0 } };
        var (tableSame, restSame) = Moved(pretrained, rust, oneEpoch with { Training = oneEpoch.Training with { TableLearningRateScale = 1 } });
        var (tableScaled, restScaled) = Moved(pretrained, rust, oneEpoch with { Training = oneEpoch.Training with { TableLearningRateScale = 30 } });

        // Adam's steps are about the learning rate whatever the gradient's size: the table moves about 30 times as far.
        Assert.InRange(tableScaled / tableSame, 15, 45);
        Assert.InRange(restScaled / restSame, 0.5, 2.0);
    }

    /// <summary>How far fine-tuning moved the bag's table and every other weight (Euclidean norms of the changes).</summary>
    private static (double Table, double Others) Moved(DecodingRegressor pretrained, Dataset rows, FineTuneOptions options)
    {
        using var tuned = pretrained.FineTune(rows, options);
        double table = 0, rest = 0;
        var tables = BagEmbedding.TableNames(tuned.Networks[0]);   // the tables as training tells them apart
        Assert.NotEmpty(tables);
        var before = pretrained.Networks[0].named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, after) in tuned.Networks[0].named_parameters())
        {
            using var scope = torch.NewDisposeScope();
            double squared = (after.detach() - before[name].detach()).square().sum().item<float>();
            if (tables.Contains(name)) table += squared;
            else rest += squared;
        }
        return (Math.Sqrt(table), Math.Sqrt(rest));
    }
}
