using DecoReg.Data;
using DecoReg.Evaluation;
using DecoReg.Inputs;
using DecoReg.Model;
using DecoReg.Numbers;
using DecoReg.Training;

namespace DecoReg.Tests.Training;

/// <summary>Real trainings with text inputs: the model reads words and digits, and text models survive a model file.</summary>
public class TextLearningTests
{
    private static RegressorOptions Small(InputMode mode, int epochs) => new()
    {
        Scaling = TargetScaling.SignedLog,
        Inputs = new InputOptions { Mode = mode, MaxTokens = 64, Tokenizer = new(VocabularySize: 320) },
        Network = new TransformerOptions { ModelDim = 32, FeedForwardDim = 64, Dropout = 0.0 },
        Training = new TrainingOptions { Epochs = epochs, Patience = 100, LearningRate = 3e-3 },
    };

    private static readonly string[] Kinds = ["tiny", "small", "medium", "large", "huge"];

    /// <summary>Records whose target is set by one word hidden in free text: 10^level, ±10 %.</summary>
    private static Dataset WordRecords(int rows, int seed)
    {
        var rng = new Random(seed);
        string[] filler = ["the", "package", "ships", "files", "for", "users", "and", "tools", "with", "docs"];
        var cells = new List<string?[]>();
        var y = new double[rows];
        for (int i = 0; i < rows; i++)
        {
            int level = rng.Next(Kinds.Length);
            var words = Enumerable.Range(0, 6).Select(_ => filler[rng.Next(filler.Length)]).ToList();
            words.Insert(rng.Next(words.Count + 1), Kinds[level]);
            cells.Add([$"pkg{rng.Next(1000)}", string.Join(' ', words)]);
            y[i] = Math.Pow(10, level) * (0.9 + 0.2 * rng.NextDouble());
        }
        return new Dataset(new Table("words", ["name", "description"], cells), y, "words");
    }

    [Theory]
    [InlineData(BackboneKind.Auto)]   // the transformer over the tokens, with the n-gram bag as one more memory token
    [InlineData(BackboneKind.Mlp)]    // TabM's MLP over the n-gram bag alone, 8 members
    public void ReadsTheWordThatSetsTheTarget_AsWholeRecordText(BackboneKind backbone)
    {
        var train = WordRecords(600, 1);
        var test = WordRecords(200, 2);
        var options = Small(InputMode.Text, epochs: 40);
        using var model = DecodingRegressor.Train(train, options with { Network = options.Network with { Backbone = backbone, MlpWidth = 64 } });
        var predictions = model.PredictBatch(test.Features);
        double rho = RankCorrelation.Spearman(predictions.Select(d => d.Median).ToArray(), test.Targets);
        Assert.True(rho > 0.9, $"Spearman {rho:F3}");
        // The order of magnitude is right for most rows.
        int right = test.Targets.Zip(predictions).Count(p => Math.Abs(Math.Log10(p.Second.Median / p.First)) < 0.5);
        Assert.True(right > 0.8 * test.RowCount, $"{right} of {test.RowCount} within half a decade");
    }

    [Theory]
    [InlineData(BackboneKind.Auto)]
    [InlineData(BackboneKind.Mlp)]
    public void DebianRecords_TrainAsText_AndRoundTripThroughAModelFile(BackboneKind backbone)
    {
        var all = Dataset.FromTable(TableLoader.ReadTable(TestData.Path("text", "debian-packages", "train.jsonl")), "installed_size_kib");
        var train = all.Subset(Enumerable.Range(0, 300).ToArray(), "first 300");
        var test = all.Subset(Enumerable.Range(300, 40).ToArray(), "next 40");
        var options = Small(InputMode.Text, epochs: 2);
        using var model = DecodingRegressor.Train(train, options with
        {
            Inputs = new InputOptions { Mode = InputMode.Text, MaxTokens = 96 },
            Network = options.Network with { Backbone = backbone, MlpWidth = 64 },
        });
        Assert.Equal(backbone == BackboneKind.Mlp ? BackboneKind.Mlp : BackboneKind.Transformer, model.Network.Backbone);
        var text = model.Learned.Text!;
        Assert.True(text.BagReadsWholeFields);
        Assert.Null(text.TextColumns);
        Assert.True(text.TruncatedRows > 0, "Debian records are longer than 96 tokens");
        Assert.InRange(text.MeanTokens, 40, 96);
        Assert.Equal(InputOptions.DefaultNgramBuckets, text.NgramBuckets);   // the n-gram bag is on by default
        var before = model.PredictBatch(test.Features);
        var likelihood = model.LogLikelihood(test);
        Assert.All(likelihood, l => Assert.True(double.IsFinite(l)));

        string path = Path.Combine(Path.GetTempPath(), $"debian-text-{Guid.NewGuid():N}.decoreg");
        try
        {
            model.Save(path);
            using var loaded = DecodingRegressor.Load(path);
            var after = loaded.PredictBatch(test.Features);
            for (int i = 0; i < before.Count; i++) Tolerance.AssertClose(before[i].Mean, after[i].Mean, 1e-6, 1e-9);
            var reloaded = loaded.LogLikelihood(test);
            for (int i = 0; i < likelihood.Length; i++) Tolerance.AssertClose(likelihood[i], reloaded[i], Tolerance.LogLikelihood, 1e-9);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void AutoScaling_IsTheQuantileWarpForText_AndChosenOnTheHoldOutForSmallTables()
    {
        var all = Dataset.FromTable(TableLoader.ReadTable(TestData.Path("text", "debian-packages", "train.jsonl")), "installed_size_kib");
        var train = all.Subset(Enumerable.Range(0, 120).ToArray(), "first 120");
        var quick = Small(InputMode.Text, epochs: 1) with { Scaling = TargetScaling.Auto };
        using (var text = DecodingRegressor.Train(train, quick))
        {
            Assert.Equal(TargetScaling.Quantile, text.Scaling);
            Assert.Equal(TargetScaling.Auto, text.Options.Scaling);   // the user's options stay as given
        }
        var table = quick with { Inputs = new InputOptions { InferTextColumns = false } };
        using var categorical = DecodingRegressor.Train(train, table);
        Assert.Equal([TargetScaling.Auto, TargetScaling.Quantile], categorical.ScalingTrials.Select(t => t.Scaling));
        Assert.Equal(categorical.ScalingTrials.Single(t => t.Chosen).Scaling, categorical.Scaling);
        using var minMax = DecodingRegressor.Train(train, table with { SelectScaling = false });
        Assert.Equal(TargetScaling.Auto, minMax.Scaling);
    }

    [Fact]
    public void DebianRecords_AsATableWithTextColumns()
    {
        var all = Dataset.FromTable(TableLoader.ReadTable(TestData.Path("text", "debian-packages", "train.jsonl")), "installed_size_kib");
        var train = all.Subset(Enumerable.Range(0, 300).ToArray(), "first 300");
        using var model = DecodingRegressor.Train(train, Small(InputMode.Table, epochs: 1));
        var kinds = model.Schema.Columns.ToDictionary(c => c.Name, c => c.Kind);
        Assert.Equal(ColumnKind.Text, kinds["long_description"]);
        Assert.Equal(ColumnKind.Categorical, kinds["section"]);
        Assert.Contains("long_description", model.Learned.Text!.TextColumns!);
        var d = model.PredictBatch(all.Subset([400, 401], "two").Features);
        Assert.All(d, x => Assert.True(x.Mean > 0));
    }
}
