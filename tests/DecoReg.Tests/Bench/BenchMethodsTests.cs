using DecoReg.Bench;

namespace DecoReg.Tests.Bench;

public class BenchMethodsTests
{
    [Fact]
    public void DefaultIsTheSingleTrainingMethods_AllIsEveryMethod_AndListsKeepTheirOrder()
    {
        Assert.Equal(["decoreg-normalized", "decoreg-ieee", "gaussian", "histogram", "mdn", "lightgbm"], BenchMethods.Parse(null));
        Assert.DoesNotContain(BenchMethods.Parse(null), m => m.Contains("ensemble") || m.Contains("select"));
        Assert.Equal(BenchMethods.Names, BenchMethods.Parse("all"));
        Assert.Equal(["mdn", "decoreg-select"], BenchMethods.Parse(" mdn , decoreg-select"));
        Assert.All(BenchMethods.Names, m => Assert.True(BenchMethods.Descriptions.ContainsKey(m), m));
        Assert.Contains("names no method", Assert.Throws<DecoRegException>(() => BenchMethods.Parse(" , ")).Message);
        Assert.Contains("unknown method 'all2'", Assert.Throws<DecoRegException>(() => BenchMethods.Parse("mdn,all2")).Message);
        Assert.Equal([1, 1, 2, 5, 6, 1, 1, 1, 1], BenchMethods.All.Select(m => m.Trainings));
    }
}
