using DecoReg.Data;
using DecoReg.Evaluation;
using DecoReg.Inputs;
using DecoReg.Model;
using DecoReg.Numbers;
using DecoReg.Training;

namespace DecoReg.Tests.Training;

/// <summary>Real multi-task pretraining and few-shot fine-tuning: per-task scales, task names, model files, bad input.</summary>
public class MultiTaskTests
{
    private static readonly string[] Kinds = ["tiny", "small", "medium", "large", "huge"];

    private static RegressorOptions Small(int epochs, InputMode mode = InputMode.Text) => new()
    {
        Inputs = new InputOptions { Mode = mode, MaxTokens = 64, Tokenizer = new(VocabularySize: 320) },
        Network = new TransformerOptions { ModelDim = 32, FeedForwardDim = 64, Dropout = 0.0 },
        Training = new TrainingOptions { Epochs = epochs, Patience = 100, LearningRate = 3e-3 },
    };

    /// <summary>Word records of one task: the hidden size word sets 10^level × <paramref name="unit"/>, ±10 %.</summary>
    private static Dataset WordTask(string task, double unit, int rows, int seed)
    {
        var rng = new Random(seed);
        string[] filler = ["the", "package", "ships", "files", "for", "users", "and", "tools"];
        var cells = new List<string?[]>();
        var y = new double[rows];
        for (int i = 0; i < rows; i++)
        {
            int level = rng.Next(Kinds.Length);
            var words = Enumerable.Range(0, 5).Select(_ => filler[rng.Next(filler.Length)]).ToList();
            words.Insert(rng.Next(words.Count + 1), Kinds[level]);
            cells.Add([string.Join(' ', words)]);
            y[i] = unit * Math.Pow(10, level) * (0.9 + 0.2 * rng.NextDouble());
        }
        return new Dataset(new Table(task, ["description"], cells), y, task);
    }

    [Fact]
    public void Pretrained_OnTwoScales_FineTunesToANewRange_FromFewRows()
    {
        using var pretrained = DecodingRegressor.Pretrain(
            [("kib", WordTask("kib", 1, 500, 1)), ("bytes", WordTask("bytes", 1024, 500, 2))], Small(epochs: 25));
        Assert.Equal(["kib", "bytes"], pretrained.Tasks);
        Assert.Equal("task", pretrained.Learned.TaskColumn);
        Assert.Equal(450, pretrained.Learned.TaskRows["kib"]);   // 10 % of each task held out

        // Each task's predictions come back in its own units: the same words, 1024 times larger for "bytes".
        var probe = WordTask("probe", 1, 100, 3);
        var kib = pretrained.PredictBatch(probe.Features, task: "kib").Select(d => d.Median).ToArray();
        var bytes = pretrained.PredictBatch(probe.Features, task: "bytes").Select(d => d.Median).ToArray();
        Assert.True(RankCorrelation.Spearman(kib, probe.Targets) > 0.9);
        double ratio = Math.Pow(10, kib.Zip(bytes).Average(p => Math.Log10(p.Second / p.First)));
        Assert.InRange(ratio, 600, 1800);

        // A new task a million times larger, 60 rows: the vocabulary is kept, the scaler refitted.
        var fewRows = WordTask("mega", 1e6, 60, 4);
        var test = WordTask("mega", 1e6, 200, 5);
        using var tuned = pretrained.FineTune(fewRows, task: "mega");
        Assert.Equal(["mega"], tuned.Tasks);
        Assert.Equal(pretrained.Learned.Text!.Tokenizer, tuned.Learned.Text!.Tokenizer);
        Assert.Equal(["kib", "bytes"], tuned.Learned.FineTuned!.PretrainedTasks);
        var medians = tuned.PredictBatch(test.Features).Select(d => d.Median).ToArray(); // the only task: no name needed
        Assert.True(RankCorrelation.Spearman(medians, test.Targets) > 0.85);
        int right = test.Targets.Zip(medians).Count(p => Math.Abs(Math.Log10(p.Second / p.First)) < 0.5);
        Assert.True(right > 0.7 * test.RowCount, $"{right} of {test.RowCount} within half a decade");
        Assert.All(tuned.LogLikelihood(test), l => Assert.True(double.IsFinite(l)));
    }

    [Fact]
    public void DebianSections_PretrainFineTuneRoundTrip_ThroughModelFiles()
    {
        var all = Dataset.FromTable(TableLoader.ReadTable(TestData.Path("text", "debian-packages", "train.jsonl")), "installed_size_kib");
        var sections = Tasks.Of(all.Features, "section");
        int[] Rows(string s, int n) => Enumerable.Range(0, all.RowCount).Where(r => sections[r] == s).Take(n).ToArray();
        var pretrainRows = Rows("libs", 120).Concat(Rows("doc", 120)).Concat(Rows("perl", 120)).Order().ToArray();
        var options = Small(epochs: 1) with { TaskColumn = "section", Inputs = new InputOptions { Mode = InputMode.Text, MaxTokens = 96, Tokenizer = new(VocabularySize: 400) } };
        using var pretrained = DecodingRegressor.Train(all.Subset(pretrainRows, "3 sections"), options);
        Assert.Equal(["doc", "libs", "perl"], pretrained.Tasks.Order());
        var epoch = pretrained.TrainingReport!.History[0];
        Assert.Equal(["doc", "libs", "perl"], epoch.TaskLosses!.Keys.Order());

        // A text model reads whatever fields the new file has: here one field fewer than in pretraining.
        var python = all.Subset(Rows("python", 80), "python") is var p ? p with { Features = p.Features.WithoutColumns("homepage") } : null!;
        var fineTune = new FineTuneOptions { Training = new FineTuneOptions().Training with { Epochs = 2 } };
        using var tuned = pretrained.FineTune(python, fineTune);   // the section column names the task
        Assert.Equal(["python"], tuned.Tasks);
        Assert.Equal(64, tuned.Learned.TrainingRows);              // 20 % of 80 held out

        // A temperature is fitted on the hold-out by default (the rule itself: TemperatureCalibrationTests), the
        // same fine-tuning without it keeps 1 and otherwise the same weights.
        Assert.Contains(tuned.Learned.Temperature, TemperatureCalibration.Grid);
        using (var plain = pretrained.FineTune(python, fineTune with { CalibrateTemperature = false }))
        {
            Assert.Equal(1.0, plain.Learned.Temperature);
            var (_, holdOut) = Tasks.HoldOut(python, "section", fineTune.Training.ValidationFraction, fineTune.Training.Seed);
            Assert.Equal(16, holdOut.RowCount);
            var (t, p1) = (tuned.PredictBatch(holdOut.Features), plain.PredictBatch(holdOut.Features));
            double widthTuned = t.Average(d => d.Quantile(0.95) - d.Quantile(0.05)), widthPlain = p1.Average(d => d.Quantile(0.95) - d.Quantile(0.05));
            if (tuned.Learned.Temperature > 1) Assert.True(widthTuned > widthPlain, $"T {tuned.Learned.Temperature}: 90 % width {widthTuned} vs {widthPlain} at 1");
            if (tuned.Learned.Temperature < 1) Assert.True(widthTuned < widthPlain, $"T {tuned.Learned.Temperature}: 90 % width {widthTuned} vs {widthPlain} at 1");
            if (tuned.Learned.Temperature == 1) Assert.Equal(widthPlain, widthTuned, 6);
        }

        string dir = Path.Combine(Path.GetTempPath(), $"multitask-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            pretrained.Save(Path.Combine(dir, "pre.decoreg"));
            tuned.Save(Path.Combine(dir, "ft.decoreg"));
            using var pre2 = DecodingRegressor.Load(Path.Combine(dir, "pre.decoreg"));
            using var ft2 = DecodingRegressor.Load(Path.Combine(dir, "ft.decoreg"));
            var probe = all.Subset(Rows("python", 90).Skip(80).ToArray(), "probe");
            Assert.DoesNotContain("homepage", ft2.Schema.Columns.Select(c => c.Name));
            var a = tuned.PredictBatch(probe.Features);
            var b = ft2.PredictBatch(probe.Features);
            for (int i = 0; i < a.Count; i++) Tolerance.AssertClose(a[i].Mean, b[i].Mean, 1e-6, 1e-9);
            Assert.Equal(tuned.Learned.Temperature, ft2.Learned.Temperature);
            Assert.Equal(pretrained.Learned.TaskScalers["doc"], pre2.Learned.TaskScalers["doc"]);

            // The pretrained model reads the task from the rows' section, or from the name given.
            var libs = pre2.PredictBatch(probe.Features, task: "libs");
            Assert.Equal(probe.RowCount, libs.Count);
            var unknown = Assert.Throws<DecoRegException>(() => pre2.PredictBatch(probe.Features));
            Assert.Contains("'python' is unknown", unknown.Message);
            Assert.Contains("'doc', 'libs' and 'perl'", unknown.Message);
            var named = Assert.Throws<DecoRegException>(() => pre2.PredictBatch(probe.Features, task: "games"));
            Assert.Contains("'games' is unknown", named.Message);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void ATaskWithFewerThanTenRows_IsAClearError()
    {
        var data = Tasks.Join([("big", WordTask("big", 1, 50, 1)), ("tiny", WordTask("tiny", 1, 7, 2))]);
        var e = Assert.Throws<DecoRegException>(() => DecodingRegressor.Train(data, Small(epochs: 1) with { TaskColumn = "task" }));
        Assert.Contains("'tiny' (7 rows)", e.Message);
        Assert.Contains("at least 10", e.Message);
    }

    [Fact]
    public void TableModel_FineTunedOnOtherColumns_SaysWhichColumnsItNeeds()
    {
        Dataset Table(int seed, string extra)
        {
            var rng = new Random(seed);
            var rows = Enumerable.Range(0, 60).Select(_ => new string?[] { rng.NextDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture), "a" }).ToArray();
            return new Dataset(new Table("t", ["x", extra], rows), rows.Select(r => double.Parse(r[0]!, System.Globalization.CultureInfo.InvariantCulture) * 10).ToArray(), "t");
        }
        using var model = DecodingRegressor.Pretrain([("one", Table(1, "colour")), ("two", Table(2, "colour"))], Small(epochs: 1, InputMode.Table));
        var e = Assert.Throws<DecoRegException>(() => model.FineTune(Table(3, "shape"), task: "three"));
        Assert.Contains("pretrained on", e.Message);
        Assert.Contains("colour", e.Message);
        Assert.Contains("shape", e.Message);
    }

    [Fact]
    public void TaskMixing_DrawsTasksBySizeToThePower()
    {
        var groups = new TaskGroups(["big", "small"], [.. Enumerable.Repeat(0, 900), .. Enumerable.Repeat(1, 100)]);
        var shares = TaskMixing.Shares([900, 100], 0.5);
        Assert.Equal(0.75, shares[0], 9);   // 30 : 10
        var rows = TaskMixing.EpochRows(groups, 0.5, new Random(1));
        Assert.Equal(1000, rows.Length);
        Assert.Equal(250, rows.Count(r => r >= 900));                 // the small task cycled 2.5 times
        Assert.Equal(100, rows.Where(r => r >= 900).Distinct().Count());
        Assert.Equal(750, rows.Where(r => r < 900).Distinct().Count()); // the big one sampled without repeats
        Assert.Equal(rows, TaskMixing.EpochRows(groups, 0.5, new Random(1)));
        Assert.Equal(900, TaskMixing.EpochRows(groups, 1.0, new Random(2)).Count(r => r < 900));
    }

    [Fact]
    public void TaskTargets_FitOneScalerPerTask_IntoTheCodecsRange()
    {
        double[] y = [1, 2, 3, 4, 1000, 2000, 3000, 4000];
        string[] tasks = ["a", "a", "a", "a", "b", "b", "b", "b"];
        var targets = TaskTargets.Fit(new NormalizedCodecOptions(10, 2), TargetScaling.Auto, "t", y, tasks);
        Assert.Equal(["a", "b"], targets.Names);
        Assert.Equal(targets.For("a").Scaler.Transform(2), targets.For("b").Scaler.Transform(2000), 9);
        Assert.All(y.Select((v, i) => targets.For(tasks[i]).Scaler.Transform(v)), z => Assert.InRange(z, 0, 1));
        var table = new Table("rows", ["t"], [["b"], ["a"]]);
        Assert.Equal([targets.For("b"), targets.For("a")], targets.ForRows(table));
        Assert.Contains("'c' is unknown", Assert.Throws<DecoRegException>(() => targets.For("c")).Message);
    }

    [Fact]
    public void TasksJoin_TakesTheUnionOfColumns_AndHoldsOutEachTask()
    {
        var a = new Dataset(new Table("a", ["x"], Enumerable.Range(0, 20).Select(i => new string?[] { $"{i}" }).ToArray()), new double[20], "a");
        var b = new Dataset(new Table("b", ["y"], Enumerable.Range(0, 30).Select(i => new string?[] { $"{i}" }).ToArray()), new double[30], "b");
        var joined = Tasks.Join([("first", a), ("second", b)]);
        Assert.Equal(["x", "y", "task"], joined.Features.Columns);
        Assert.Null(joined.Features.Cell(0, 1));
        Assert.Equal("second", joined.Features.Cell(20, 2));
        var (train, valid) = Tasks.HoldOut(joined, "task", 0.1, 0);
        Assert.Equal([2, 3], Tasks.Of(valid.Features, "task").GroupBy(t => t).Select(g => g.Count()).ToArray());
        Assert.Equal(45, train.RowCount);
    }
}
