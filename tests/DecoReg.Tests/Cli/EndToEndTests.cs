using DecoReg.Numbers;
using System.Globalization;
using System.Text.Json;
using DecoReg.Data;
using DecoReg.Tests.Data;

namespace DecoReg.Tests.Cli;

/// <summary>train → predict → evaluate through the real command line, on real UCI files (CSV, JSON Lines, Parquet, uci:).</summary>
public class EndToEndTests(YachtModelFixture yacht) : IClassFixture<YachtModelFixture>
{
    [Fact]
    public void Train_UciForm_PrintsProgressAndSummary_WritesModel()
    {
        Assert.True(File.Exists(yacht.Model));
        Assert.Contains("epoch 1/3", yacht.TrainOutput);
        Assert.Contains("training summary", yacht.TrainOutput);
        Assert.Contains("best epoch", yacht.TrainOutput);
        Assert.Contains("stop reason", yacht.TrainOutput);
        Assert.Contains("training rows", yacht.TrainOutput);
        var model = DecodingRegressor.Load(yacht.Model);
        Assert.Equal(["x0", "x1", "x2", "x3", "x4", "x5"], model.Schema.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Predict_CsvWithTargetColumn_WritesOneRowPerInput_MonotoneQuantiles()
    {
        using var dir = new TempDir();
        string outFile = Path.Combine(dir.FullPath, "p.csv");
        var (code, output, err) = CliRunner.Run("predict", "--model", yacht.Model, "--data", yacht.TestCsv, "--out", outFile,
            "--quantiles", "0.05,0.25,0.5,0.75,0.95");
        Assert.True(code == 0, err);
        Assert.Equal("", output);
        var (header, rows) = CliRunner.ReadCsv(File.ReadAllText(outFile));
        Assert.Equal(["row", "mean", "median", "std", "q0.05", "q0.25", "q0.5", "q0.75", "q0.95"], header);
        Assert.Equal(yacht.TestRows, rows.Length);
        Assert.Equal(Enumerable.Range(1, yacht.TestRows).Select(i => (double)i), rows.Select(r => r[0]));
        foreach (var r in rows)
        {
            Assert.All(r, v => Assert.True(double.IsFinite(v)));
            Assert.True(r[3] >= 0);
            for (int q = 5; q < r.Length; q++) Assert.True(r[q - 1] <= r[q], $"quantiles not monotone in row {r[0]}");
            Tolerance.AssertClose(r[2], r[6], 1e-9, 1e-12); // median == q0.5
        }
        Assert.Empty(Directory.GetFiles(dir.FullPath, "*.tmp"));
    }

    [Fact]
    public void Predict_ToStdout_UciTestRows_WithIdColumn_Sampling()
    {
        var (code, output, err) = CliRunner.Run("predict", "--model", yacht.Model, "--data", CliRunner.Uci("yacht"), "--samples", "32");
        Assert.True(code == 0, err);
        var (header, rows) = CliRunner.ReadCsv(output);
        Assert.Equal(["row", "mean", "median", "std", "q0.05", "q0.5", "q0.95"], header);
        Assert.Equal(yacht.TestRows, rows.Length);

        // --id: a column that is not a feature names the rows and is left out of the features
        using var dir = new TempDir();
        var lines = File.ReadAllLines(yacht.TestCsv);
        var withId = lines.Select((l, i) => (i == 0 ? "id" : $"boat-{i}") + "," + l);
        string data = dir.Write("ids.csv", string.Join("\n", withId));
        (code, output, err) = CliRunner.Run("predict", "--model", yacht.Model, "--data", data, "--id", "id", "--target", "y");
        Assert.True(code == 0, err);
        var outLines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,mean,median,std,", outLines[0]);
        Assert.StartsWith("boat-1,", outLines[1]);
        Assert.Equal(yacht.TestRows + 1, outLines.Length);
    }

    [Fact]
    public void Predict_JsonLinesAndParquet_GiveTheSameAnswersAsCsv()
    {
        using var dir = new TempDir();
        var table = CsvTableReader.Read(yacht.TestCsv);
        // JSON Lines: numbers as JSON numbers
        var jsonl = string.Join("\n", Enumerable.Range(0, table.RowCount).Select(r =>
            "{" + string.Join(",", table.Columns.Select((c, i) => $"\"{c}\":{table.Cell(r, i)}")) + "}"));
        string jsonlPath = dir.Write("test.jsonl", jsonl);
        // Parquet: double columns
        string parquetPath = CliRunner.WriteParquet(table, Path.Combine(dir.FullPath, "test.parquet"));

        string Medians(string path)
        {
            var (code, output, err) = CliRunner.Run("predict", "--model", yacht.Model, "--data", path, "--quantiles", "0.5");
            Assert.True(code == 0, err);
            return string.Join(";", output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[2]));
        }
        string csv = Medians(yacht.TestCsv);
        Assert.Equal(csv, Medians(jsonlPath));
        Assert.Equal(csv, Medians(parquetPath));
    }

    [Fact]
    public void Evaluate_Json_HasExactlyTheMetricsKeys()
    {
        var (code, output, err) = CliRunner.Run("evaluate", "--model", yacht.Model, "--data", yacht.TestCsv, "--json");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var keys = doc.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        // the metrics keys first and unchanged; then the selective-regression AURCs and whether the model is calibrated
        Assert.Equal(["rows", "rmse", "mae", "r2", "kendall_tau", "spearman", "nll", "crps", "coverage", "interval_width", "aurc", "calibrated"], keys);
        Assert.Equal(yacht.TestRows, doc.RootElement.GetProperty("rows").GetInt32());
        Assert.Equal(["0.5", "0.9", "0.95"], doc.RootElement.GetProperty("coverage").EnumerateObject().Select(p => p.Name));
        Assert.True(double.IsFinite(doc.RootElement.GetProperty("nll").GetDouble()));

        // the uci: form evaluates the split's test rows: same rows, same numbers
        (code, var uci, err) = CliRunner.Run("evaluate", "--model", yacht.Model, "--data", CliRunner.Uci("yacht"), "--json");
        Assert.True(code == 0, err);
        using var doc2 = JsonDocument.Parse(uci);
        Tolerance.AssertClose(doc.RootElement.GetProperty("rmse").GetDouble(), doc2.RootElement.GetProperty("rmse").GetDouble(), 1e-9);
    }

    [Fact]
    public void Evaluate_Table_ListsEveryMetric_AndWritesPlots()
    {
        using var dir = new TempDir();
        string plots = Path.Combine(dir.FullPath, "plots");
        var (code, output, err) = CliRunner.Run("evaluate", "--model", yacht.Model, "--data", yacht.TestCsv, "--target", "y", "--plots", plots);
        Assert.True(code == 0, err);
        foreach (var label in new[] { "RMSE", "MAE", "R²", "Kendall τ", "Spearman ρ", "NLL", "CRPS", "50 % interval coverage", "90 % interval mean width", "95 % interval coverage" })
            Assert.Contains(label, output);
        foreach (var png in new[] { "parity.png", "calibration.png", "densities.png", "training.png" }) // training curves from the model file
            Assert.True(new FileInfo(Path.Combine(plots, png)).Length > 10_000, png);
    }

    [Fact]
    public void Train_Csv_BeatsTheMeanBaseline_OnConcrete()
    {
        using var dir = new TempDir();
        var (train, test) = UciDataset.LoadSplit(TestData.Path("uci", "concrete"), 0);
        string trainCsv = CliRunner.WriteCsv(train, Path.Combine(dir.FullPath, "train.csv"), "strength");
        string testCsv = CliRunner.WriteCsv(test, Path.Combine(dir.FullPath, "test.csv"), "strength");
        string model = Path.Combine(dir.FullPath, "concrete.decoreg");
        var (code, output, err) = CliRunner.Run("train", "--data", trainCsv, "--target", "strength", "--epochs", "12", "--d-model", "32",
            "--valid-fraction", "0.1", "--seed", "1", "--model", model);
        Assert.True(code == 0, err + output);

        (code, output, err) = CliRunner.Run("evaluate", "--model", model, "--data", testCsv, "--json");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        double rmse = doc.RootElement.GetProperty("rmse").GetDouble();
        double mean = train.Targets.Average();
        double baseline = Math.Sqrt(test.Targets.Average(y => (y - mean) * (y - mean)));
        Assert.True(rmse < baseline, $"model RMSE {rmse} vs predict-the-training-mean RMSE {baseline}");
    }

    [Fact]
    public void Train_Force_OverwritesAnExistingModel_AndValidFileIsUsed()
    {
        using var dir = new TempDir();
        string model = dir.Write("m.decoreg", "old");
        var (code, output, err) = CliRunner.Run(["train", "--data", yacht.TrainCsv, "--target", "y", "--valid", yacht.TestCsv, .. CliRunner.Tiny,
            "--codec", "p10", "--digits", "2", "--exponent-range", "3", "--model", model, "--force"]);
        Assert.True(code == 0, err);
        Assert.Contains($"validation rows │ {yacht.TestRows}", output.Replace("  ", " ").Replace("  ", " ").Replace("  ", " ").Replace("  ", " ").Replace("  ", " ").Replace("  ", " "));
        using var loaded = DecodingRegressor.Load(model);
        Assert.Equal("p10", loaded.Options.Codec!.GetType().Name.Replace("CodecOptions", "").ToLowerInvariant());
    }

    [Fact]
    public void Train_Ensemble_WritesAModelThatEvaluates_AndBadSizesAreUserErrors()
    {
        using var dir = new TempDir();
        string model = Path.Combine(dir.FullPath, "ens.decoreg");
        var (code, output, err) = CliRunner.Run(["train", "--data", yacht.TrainCsv, "--target", "y", .. CliRunner.Tiny, "--ensemble", "2", "--model", model]);
        Assert.True(code == 0, err + output);
        Assert.Contains("network 2/2  epoch 3/3", output);
        Assert.Contains("best epoch per network", output);
        using (var loaded = DecodingRegressor.Load(model)) Assert.Equal(2, loaded.Options.EnsembleSize);
        (code, output, err) = CliRunner.Run("evaluate", "--model", model, "--data", yacht.TestCsv, "--json");
        Assert.True(code == 0, err);
        Assert.Contains("\"nll\"", output);

        (code, _, err) = CliRunner.Run(["train", "--data", yacht.TrainCsv, "--target", "y", .. CliRunner.Tiny, "--ensemble", "0", "--model", Path.Combine(dir.FullPath, "x.decoreg")]);
        Assert.Equal(2, code);
        Assert.Contains("ensemble size must be between 1 and 64", err);
        Assert.False(File.Exists(Path.Combine(dir.FullPath, "x.decoreg")));
    }

    [Fact]
    public void Train_SelectScaling_ShowsBothCandidates_AndKeepsOne()
    {
        using var dir = new TempDir();
        string model = Path.Combine(dir.FullPath, "sel.decoreg");
        var (code, output, err) = CliRunner.Run(["train", "--data", yacht.TrainCsv, "--target", "y", .. CliRunner.Tiny, "--scaling", "select", "--model", model]);
        Assert.True(code == 0, err + output);
        // Compared after a quarter of the 3 epochs (1); the kept one trains on to the third.
        Assert.Contains("scaling auto (1/2)  epoch 1/3", output);
        Assert.Contains("scaling quantile (2/2)  epoch 1/3", output);
        Assert.Contains("epoch 3/3", output);
        Assert.Contains("target scaling (hold-out NLL after 1 epoch)", output);
        Assert.Contains("on the dropped scaling candidate)", output);   // the time row counts it
        Assert.Contains("(kept)", output);
        using var loaded = DecodingRegressor.Load(model);
        Assert.Equal(2, loaded.ScalingTrials.Count);
        Assert.Contains(loaded.Options.Scaling, new[] { TargetScaling.Auto, TargetScaling.Quantile });

        // yacht is a small table: the default (auto) selects too; minmax never does.
        (code, output, err) = CliRunner.Run(["train", "--data", yacht.TrainCsv, "--target", "y", .. CliRunner.Tiny, "--model", Path.Combine(dir.FullPath, "auto.decoreg")]);
        Assert.True(code == 0, err + output);
        Assert.Contains("scaling quantile (2/2)", output);
        Assert.Contains("8 members (4 per row in each training step)", output);   // a small table's default
        (code, output, err) = CliRunner.Run(["train", "--data", yacht.TrainCsv, "--target", "y", .. CliRunner.Tiny, "--scaling", "minmax", "--members-per-row", "8", "--model", Path.Combine(dir.FullPath, "minmax.decoreg")]);
        Assert.True(code == 0, err + output);
        Assert.DoesNotContain("target scaling (hold-out NLL", output);
        Assert.Contains("8 members, ", output);                                     // every member reads every row
        Assert.DoesNotContain("per row in each training step", output);
        Assert.Contains("normalized, base 10, 2 digits (100 bins), auto scaling", output);   // what the defaults chose, shown
        using var minMax = DecodingRegressor.Load(Path.Combine(dir.FullPath, "minmax.decoreg"));
        Assert.Empty(minMax.ScalingTrials);
    }

    [Fact]
    public void Help_EveryVerbHasOptionsAndExamples()
    {
        foreach (var (verb, option) in new[] { ("train", "--valid-fraction"), ("predict", "--quantiles"), ("evaluate", "--json"), ("calibrate", "--out"), ("demo", "--plots") })
        {
            var (code, output, _) = CliRunner.Run(verb, "--help");
            Assert.Equal(0, code);
            Assert.Contains(option, output);
            Assert.Contains($"decoreg {verb}", output);
            Assert.Contains("EXAMPLES", output.ToUpperInvariant());
        }
        var (c, all, _) = CliRunner.Run("--help");
        Assert.Equal(0, c);
        foreach (var verb in new[] { "train", "predict", "evaluate", "demo", "tokenize" }) Assert.Contains(verb, all);
    }
}
