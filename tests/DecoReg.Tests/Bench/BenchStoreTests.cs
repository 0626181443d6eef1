using System.Text.Json;
using DecoReg.Bench;
using DecoReg.Tests.Data;

namespace DecoReg.Tests.Bench;

public class BenchStoreTests
{
    private static BenchRequest Request(string dir, string command, BenchBudget? budget = null) => new()
    {
        Suite = "uci", DataRoot = dir, OutDir = dir, Command = command, Budget = budget ?? BenchBudget.Default,
    };

    private static RunResult Run(string set, int split, string method, double rmse, string? error = null) =>
        new(set, split, method, 90, 10, rmse, 1.5, 0.5, 0.9, 2.0, 0.1, 12, "done", error);

    [Fact]
    public void RunsOfTwoCommands_Accumulate_InCanonicalOrder_AndALaterRunReplacesAnEarlierOne()
    {
        using var dir = new TempDir();
        var started = DateTimeOffset.UtcNow;
        var first = BenchStore.Open(Request(dir.FullPath, "decoreg bench --datasets concrete"));
        first.Add([Run("concrete", 0, "mdn", 5.0), Run("concrete", 0, "gaussian", 4.0, "boom")], started);
        var second = BenchStore.Open(Request(dir.FullPath, "decoreg bench --datasets yacht"));
        Assert.Contains(("concrete", 0, "mdn"), second.Succeeded());
        Assert.DoesNotContain(("concrete", 0, "gaussian"), second.Succeeded()); // failed runs are retried
        var record = second.Add([Run("yacht", 1, "gaussian", 0.7), Run("concrete", 0, "gaussian", 4.5)], started.AddMinutes(5));

        Assert.Equal(["yacht/1/gaussian", "concrete/0/gaussian", "concrete/0/mdn"],
            record.Runs.Select(r => $"{r.Dataset}/{r.Split}/{r.Method}").ToArray());
        Assert.Equal(4.5, record.Runs.Single(r => r.Dataset == "concrete" && r.Method == "gaussian").Rmse);
        Assert.Equal(started.ToUnixTimeSeconds(), record.Started.ToUnixTimeSeconds());

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.FullPath, "uci.json")));
        Assert.Equal(2, json.RootElement.GetProperty("commands").GetArrayLength());
        Assert.Equal(3, json.RootElement.GetProperty("runs").GetArrayLength());
        string md = File.ReadAllText(Path.Combine(dir.FullPath, "uci.md"));
        Assert.Contains("`decoreg bench --datasets yacht`", md);
        Assert.Contains("| gaussian | 1 | 4.500 |", md);
        Assert.True(md.IndexOf("## yacht", StringComparison.Ordinal) < md.IndexOf("## concrete", StringComparison.Ordinal));
        Assert.Empty(Directory.GetFiles(dir.FullPath, "*.tmp*"));
    }

    [Fact]
    public void Report_CountsTheTargets_PerDecoRegMethod()
    {
        using var dir = new TempDir();
        static RunResult R(string set, string method, double rmse, double nll) =>
            new(set, 0, method, 90, 10, rmse, nll, 0.5, 0.9, 2.0, 0.1, 12, "done");
        BenchStore.Open(Request(dir.FullPath, "a")).Add([
            // yacht: best NLL among heads 1.0 (mdn), LightGBM 2.0; decoreg 0.9 wins both; best head RMSE 1.1 (mdn), decoreg
            // 1.04 within 5 % of it and within 10 % of LightGBM's 1.0
            R("yacht", "decoreg-normalized", 1.04, 0.9), R("yacht", "gaussian", 1.2, 1.1), R("yacht", "histogram", 1.3, 1.5),
            R("yacht", "mdn", 1.1, 1.0), R("yacht", "lightgbm", 1.0, 2.0),
            // concrete: decoreg loses NLL to the histogram head and RMSE by more than 5 %; no LightGBM run
            R("concrete", "decoreg-normalized", 5.3, 3.1), R("concrete", "histogram", 5.0, 3.0), R("concrete", "gaussian", 5.0, 3.2),
        ], DateTimeOffset.UtcNow);
        string md = File.ReadAllText(Path.Combine(dir.FullPath, "uci.md"));
        // every run trained 2.0 s, so the compute relative to the Gaussian head is 1.0× on both sets
        Assert.Contains("| decoreg-normalized | yacht 1.0×, concrete 1.0× | 1 of 2: yacht | 1 of 2: yacht | 1 of 2: yacht | 1 of 2: yacht |", md);
    }

    [Fact]
    public void AnotherBudget_IsAUserError_NamingTheFile()
    {
        using var dir = new TempDir();
        BenchStore.Open(Request(dir.FullPath, "a")).Add([Run("yacht", 0, "mdn", 1.0)], DateTimeOffset.UtcNow);
        var e = Assert.Throws<DecoRegException>(() =>
            BenchStore.Open(Request(dir.FullPath, "b", BenchBudget.Default with { Epochs = 7 })));
        Assert.Contains("uci.json", e.Message);
        Assert.Contains("at most 7 epochs", e.Message);
    }

    [Fact]
    public void AForeignJsonFile_IsAUserError()
    {
        using var dir = new TempDir();
        File.WriteAllText(Path.Combine(dir.FullPath, "uci.json"), "{\"hello\": 1}");
        var e = Assert.Throws<DecoRegException>(() => BenchStore.Open(Request(dir.FullPath, "a")));
        Assert.Contains("not a benchmark results file", e.Message);
    }

    [Fact]
    public void ConcurrentWriters_LoseNoRun()
    {
        using var dir = new TempDir();
        var started = DateTimeOffset.UtcNow;
        Parallel.For(0, 4, writer =>
        {
            var store = BenchStore.Open(Request(dir.FullPath, $"writer {writer}"));
            for (int split = 0; split < 5; split++) store.Add([Run("energy", split, BenchMethods.Names[writer], 1.0 + split)], started);
        });
        var record = BenchStore.Open(Request(dir.FullPath, "reader")).Load()!;
        Assert.Equal(20, record.Runs.Count);
        Assert.Equal(4, record.Commands.Count);
    }
}
