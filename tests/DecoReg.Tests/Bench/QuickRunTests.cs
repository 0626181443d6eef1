using System.Text.Json;
using DecoReg.Bench;
using DecoReg.Tests.Data;

namespace DecoReg.Tests.Bench;

public class QuickRunTests
{
    [Fact]
    public void QuickUciRun_OnYacht_WritesMarkdownJsonAndPlot()
    {
        using var dir = new TempDir();
        var @out = new StringWriter();
        var err = new StringWriter();
        int code = BenchApp.Run(
            ["--suite", "uci", "--quick", "--datasets", "yacht", "--methods", "all", "--epochs", "2", "--out", dir.FullPath, "--data", TestData.SharedDatasets],
            @out, err);
        Assert.True(code == 0, $"exit {code}\n{@out}\n{err}");

        string md = File.ReadAllText(Path.Combine(dir.FullPath, "uci.md"));
        Assert.Contains("## yacht", md);
        Assert.Contains("*published: NGBoost*", md);
        foreach (var method in BenchMethods.For("uci")) Assert.Contains($"| {method} | 1 |", md);
        Assert.True(new FileInfo(Path.Combine(dir.FullPath, "uci.png")).Length > 1000);
        Assert.Matches(@"- decoreg-select kept: (auto|quantile) on split 0", md);
        Assert.Matches(@"- decoreg-select-ensemble kept: (auto|quantile) on split 0", md);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.FullPath, "uci.json")));
        var runs = json.RootElement.GetProperty("runs").EnumerateArray().ToArray();
        Assert.Equal(BenchMethods.For("uci").Count, runs.Length);
        foreach (var run in runs)
        {
            Assert.Equal(JsonValueKind.Null, run.GetProperty("error").ValueKind);
            Assert.True(run.GetProperty("rmse").GetDouble() > 0);
            Assert.True(double.IsFinite(run.GetProperty("nll").GetDouble()));
            Assert.InRange(run.GetProperty("coverage90").GetDouble(), 0, 1);
            var choice = run.GetProperty("choice");
            string method = run.GetProperty("method").GetString()!;
            if (method.StartsWith("decoreg-select", StringComparison.Ordinal) || method == "decoreg-normalized") Assert.Contains(choice.GetString(), new[] { "auto", "quantile" });
            else Assert.Equal(JsonValueKind.Null, choice.ValueKind);
        }
        Assert.Equal(2, json.RootElement.GetProperty("budget").GetProperty("epochs").GetInt32());
    }

    [Fact]
    public void QuickTextRun_OnTheDebianSubset_ScoresEveryTextMethodAndWritesTheReport()
    {
        using var dir = new TempDir();
        var @out = new StringWriter();
        var err = new StringWriter();
        int code = BenchApp.Run(
            ["--suite", "text", "--quick", "--epochs", "1", "--out", dir.FullPath, "--data", TestData.SharedDatasets],
            @out, err);
        Assert.True(code == 0, $"exit {code}\n{@out}\n{err}");

        string md = File.ReadAllText(Path.Combine(dir.FullPath, "text.md"));
        Assert.Contains($"## {BenchSuites.DebianQuick}", md);
        Assert.Contains("## Throughput", md);
        Assert.Contains("## Targets", md);
        Assert.Contains("RegressLM", md);
        Assert.Matches(@"decoreg-text Spearman ρ ≥ 0\.78: \*\*(not )?met\*\*", md);
        Assert.True(new FileInfo(Path.Combine(dir.FullPath, "text.png")).Length > 1000);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.FullPath, "text.json")));
        var runs = json.RootElement.GetProperty("runs").EnumerateArray().ToArray();
        Assert.Equal(BenchMethods.DefaultFor("text"), runs.Select(r => r.GetProperty("method").GetString()!).ToArray());
        foreach (var run in runs)
        {
            string method = run.GetProperty("method").GetString()!;
            Assert.True(run.GetProperty("error").ValueKind == JsonValueKind.Null, $"{method}: {run.GetProperty("error")}");
            Assert.Equal(BenchSuites.QuickTrainRows, run.GetProperty("train_rows").GetInt32());
            Assert.Equal(BenchSuites.QuickTestRows, run.GetProperty("test_rows").GetInt32());
            foreach (var metric in new[] { "rmse", "nll", "spearman", "kendall_tau", "r2_log", "rmse_log", "predict_rows_per_second" })
                Assert.True(run.GetProperty(metric).ValueKind == JsonValueKind.Number && double.IsFinite(run.GetProperty(metric).GetDouble()), $"{method}: {metric}");
            Assert.InRange(run.GetProperty("coverage90").GetDouble(), 0, 1);
            bool decoreg = method.StartsWith("decoreg", StringComparison.Ordinal);
            Assert.Equal(decoreg, run.GetProperty("train_examples_per_second").ValueKind == JsonValueKind.Number);
            Assert.True(run.GetProperty("matmul_peak_gflops").GetDouble() > 0);
        }
        Assert.True(json.RootElement.GetProperty("reference").GetProperty("TrainExamplesPerSecond").GetDouble() > 0);
    }

    [Fact]
    public void UnknownDatasetOrMethod_IsAUserError()
    {
        var err = new StringWriter();
        Assert.Equal(2, BenchApp.Run(["--suite", "uci", "--datasets", "nope", "--data", TestData.SharedDatasets], new StringWriter(), err));
        Assert.Contains("no data set 'nope'", err.ToString());
        err = new StringWriter();
        Assert.Equal(2, BenchApp.Run(["--suite", "uci", "--methods", "xgboost", "--data", TestData.SharedDatasets], new StringWriter(), err));
        Assert.Contains("unknown method 'xgboost'", err.ToString());
        Assert.Equal(2, BenchApp.Run(["--suite", "nope"], new StringWriter(), new StringWriter()));
    }
}
