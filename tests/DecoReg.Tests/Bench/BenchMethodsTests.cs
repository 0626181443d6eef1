using DecoReg.Bench;

namespace DecoReg.Tests.Bench;

public class BenchMethodsTests
{
    [Fact]
    public void DefaultIsTheSingleTrainingMethods_AllIsEveryMethod_AndListsKeepTheirOrder()
    {
        Assert.Equal(["decoreg-normalized", "decoreg-transformer", "decoreg-ieee", "gaussian", "histogram", "mdn", "gaussian-mlp", "histogram-mlp", "mdn-mlp", "lightgbm"], BenchMethods.Parse(null));
        Assert.DoesNotContain(BenchMethods.Parse(null), m => m.Contains("ensemble") || m.Contains("select"));
        Assert.Equal(BenchMethods.For("uci"), BenchMethods.Parse("all"));
        Assert.Equal(BenchMethods.Default, BenchMethods.Parse(null, "tabular"));
        Assert.Equal(["mdn", "decoreg-select"], BenchMethods.Parse(" mdn , decoreg-select"));
        Assert.All(BenchMethods.Names, m => Assert.True(BenchMethods.Descriptions.ContainsKey(m), m));
        Assert.Contains("names no method", Assert.Throws<DecoRegException>(() => BenchMethods.Parse(" , ")).Message);
        Assert.Contains("unknown method 'all2'", Assert.Throws<DecoRegException>(() => BenchMethods.Parse("mdn,all2")).Message);
        Assert.Equal([1, 1, 1, 2, 5, 6, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 1, 1, 1, 1], BenchMethods.All.Select(m => m.Trainings));
    }

    [Fact]
    public void TextSuite_HasItsOwnDefaults_AndTextMethodsStayOutOfTheTableSuites()
    {
        string[] text = ["decoreg-text", "decoreg-text-mlp", "decoreg-table-text", "decoreg-table-categorical", "tfidf-lightgbm"];
        Assert.Equal(text, BenchMethods.Parse(null, "text"));
        Assert.Equal(BenchMethods.Names, BenchMethods.Parse("all", "text"));
        Assert.Equal(["decoreg-text", "decoreg-normalized"], BenchMethods.Parse("decoreg-text,decoreg-normalized", "text"));
        Assert.All(text, m => Assert.DoesNotContain(m, BenchMethods.Parse("all", "uci")));
        Assert.Equal(8, BenchBudget.DefaultFor("text").Epochs);
        Assert.Equal(TimeSpan.FromMinutes(30), BenchBudget.DefaultFor("text").TimeLimit);
        Assert.Contains("decoreg-text-d128", BenchMethods.Parse("all", "text"));
        Assert.Equal(BenchBudget.Default, BenchBudget.DefaultFor("uci"));
        Assert.Contains("does not run in suite 'tabular'", Assert.Throws<DecoRegException>(() => BenchMethods.Parse("decoreg-text", "tabular")).Message);
    }
}
