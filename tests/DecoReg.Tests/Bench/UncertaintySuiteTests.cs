using System.Text.Json;
using DecoReg.Bench;
using DecoReg.Bench.Uncertainty;
using DecoReg.Tests.Data;

namespace DecoReg.Tests.Bench;

/// <summary>The uncertainty suite's quick run writes every part's section and figures; a repeated command resumes (skips what is recorded).</summary>
public class UncertaintySuiteTests
{
    [Fact]
    public void QuickRunOnYacht_WritesEveryApplicablePartAndResumes()
    {
        using var dir = new TempDir();
        string[] args = ["--suite", "uncertainty", "--quick", "--epochs", "2", "--threads", "1", "--out", dir.FullPath, "--data", TestData.SharedDatasets];
        var @out = new StringWriter();
        int code = BenchApp.Run(args, @out, new StringWriter());
        Assert.True(code == 0, @out.ToString());
        string md = File.ReadAllText(Path.Combine(dir.FullPath, "uncertainty.md"));
        Assert.Contains("## Conformal intervals", md);
        Assert.Contains("draws of the calibration rows (small sets)", md);   // conformal-repeats on yacht
        Assert.Contains("## Selective regression", md);
        Assert.Contains("## Label audit", md);   // active learning applies to power-plant and protein only
        Assert.True(File.Exists(Path.Combine(dir.FullPath, "uncertainty.png")));
        Assert.True(File.Exists(Path.Combine(dir.FullPath, "uncertainty-selective.png")));
        using (var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.FullPath, "uncertainty.json"))))
            Assert.Equal(UncertaintyParts.All.Count(p => p.AppliesTo("yacht", 0)), json.RootElement.GetProperty("runs").GetArrayLength());

        var again = new StringWriter();
        Assert.Equal(0, BenchApp.Run([.. args, "--parts", "selective"], again, new StringWriter()));
        Assert.Contains("already in", again.ToString());
        Assert.Equal(2, BenchApp.Run(["--suite", "uncertainty", "--parts", "nope", "--out", dir.FullPath], new StringWriter(), new StringWriter()));
    }
}
