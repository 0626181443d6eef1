using DecoReg.Bench;

namespace DecoReg.Tests.Bench;

public class SummaryTests
{
    [Fact]
    public void MeanAndStandardError_OnHandValues()
    {
        var s = Summary.Of([1.0, 2.0, 3.0, 4.0]);
        Assert.Equal(4, s.Count);
        Assert.Equal(2.5, s.Mean, 1e-12);
        // sample sd = sqrt(5/3); s.e. = sd / 2
        Assert.Equal(Math.Sqrt(5.0 / 3.0) / 2, s.StdErr, 1e-12);
        Assert.Equal("2.500 ± 0.645", s.Format());
    }

    [Fact]
    public void OneValue_HasNoStandardError_AndNoneIsEmpty()
    {
        var one = Summary.Of([3.25]);
        Assert.Equal(3.25, one.Mean);
        Assert.True(double.IsNaN(one.StdErr));
        Assert.Equal("3.25", one.Format(2));
        Assert.Equal("—", Summary.Of([]).Format());
    }

    [Fact]
    public void Aggregate_GroupsByDatasetAndMethod_AndSkipsFailedRuns()
    {
        static RunResult R(string set, int split, string method, double rmse, string? error = null) =>
            new(set, split, method, 90, 10, rmse, 1.0 + split, 0.5, 0.9, 2.0, 0.1, 10, "done", error);
        var results = new[]
        {
            R("a", 0, "gaussian", 1.0), R("a", 1, "gaussian", 3.0), R("a", 2, "gaussian", double.NaN, "boom"),
            R("a", 0, "mdn", 2.0), R("b", 0, "gaussian", 5.0),
        };
        var summary = BenchReport.Aggregate(results);
        Assert.Equal(3, summary.Count);
        var ag = summary.Single(s => s.Dataset == "a" && s.Method == "gaussian");
        Assert.Equal(1, ag.Failed);
        Assert.Equal(2, ag.Metrics["rmse"].Count);
        Assert.Equal(2.0, ag.Metrics["rmse"].Mean, 1e-12);
        Assert.Equal(1.0, ag.Metrics["rmse"].StdErr, 1e-12); // sd √2, n 2
        Assert.Equal(1.5, ag.Metrics["nll"].Mean, 1e-12);
    }
}
