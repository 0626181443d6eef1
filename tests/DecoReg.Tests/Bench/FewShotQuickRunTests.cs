using System.Text.Json;
using DecoReg.Bench;
using DecoReg.Bench.FewShot;
using DecoReg.Tests.Data;

namespace DecoReg.Tests.Bench;

public class FewShotQuickRunTests
{
    [Fact]
    public void QuickFewShotRun_WritesTheReports_ScoresEveryRun_AndResumesWithoutPretrainingAgain()
    {
        using var dir = new TempDir();
        string[] args = ["--suite", "fewshot", "--quick", "--out", dir.FullPath, "--data", TestData.SharedDatasets];
        var @out = new StringWriter();
        var err = new StringWriter();
        int code = BenchApp.Run(args, @out, err);
        Assert.True(code == 0, $"exit {code}\n{@out}\n{err}");

        string md = File.ReadAllText(Path.Combine(dir.FullPath, "fewshot.md"));
        Assert.Contains($"## {FewShotPlan.Debian}: {FewShotPlan.QuickTask}", md);
        Assert.Contains("## Targets", md);
        Assert.Matches(@"debian-packages rust: \*\*(not )?met\*\*", md);
        Assert.True(new FileInfo(Path.Combine(dir.FullPath, "fewshot.png")).Length > 1000);
        string modelPath = Path.Combine(dir.FullPath, "fewshot-models", $"{FewShotPlan.Debian}-quick.decoreg");
        using (var pretrained = DecodingRegressor.Load(modelPath))
            Assert.Equal(DecoReg.Model.BackboneKind.Mlp, pretrained.Network.Backbone); // the measured choice for Debian (FewShotPlan.DebianBackboneReason)
        Assert.Contains("backbone: the MLP over the record's n-gram bag", md);

        using (var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.FullPath, "fewshot.json"))))
        {
            var runs = json.RootElement.GetProperty("runs").EnumerateArray().ToArray();
            Assert.Equal(
                new[] { FewShotRun.Pretrained, FewShotRun.PretrainedAll, FewShotRun.PretrainedDecoder, FewShotRun.Scratch, FewShotRun.ScratchAll },
                runs.Select(r => r.GetProperty("variant").GetString()!).Order(StringComparer.Ordinal).ToArray());
            foreach (var run in runs)
            {
                string variant = run.GetProperty("variant").GetString()!;
                Assert.True(run.GetProperty("error").ValueKind == JsonValueKind.Null, $"{variant}: {run.GetProperty("error")}");
                foreach (var metric in new[] { "spearman", "nll" })
                    Assert.True(run.GetProperty(metric).ValueKind == JsonValueKind.Number && double.IsFinite(run.GetProperty(metric).GetDouble()), $"{variant}: {metric}");
                Assert.InRange(run.GetProperty("coverage90").GetDouble(), 0, 1);
            }
            Assert.Equal(FewShotPlan.QuickPretrainRows, json.RootElement.GetProperty("pretrainings")[0].GetProperty("rows").GetInt32());
        }

        var again = new StringWriter();
        Assert.Equal(0, BenchApp.Run(args, again, err));
        Assert.Contains("5 runs planned, 5 already in", again.ToString());
        Assert.DoesNotContain("pretraining", again.ToString());
    }

    [Fact]
    public void FewShotOptions_AreCheckedBeforeAnyRun()
    {
        var err = new StringWriter();
        Assert.Equal(2, BenchApp.Run(["--suite", "fewshot", "--datasets", "nope", "--data", TestData.SharedDatasets], new StringWriter(), err));
        Assert.Contains("no data set 'nope'", err.ToString());
        err = new StringWriter();
        Assert.Equal(2, BenchApp.Run(["--suite", "fewshot", "--tasks", "games", "--data", TestData.SharedDatasets], new StringWriter(), err));
        Assert.Contains("'games' is not a held-out task", err.ToString());
        Assert.Equal(2, BenchApp.Run(["--suite", "uci", "--seeds", "2"], new StringWriter(), new StringWriter()));
        Assert.Equal(2, BenchApp.Run(["--suite", "fewshot", "--methods", "decoreg-ieee"], new StringWriter(), new StringWriter()));
    }
}
