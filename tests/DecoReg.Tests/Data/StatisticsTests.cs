using DecoReg.Data;

namespace DecoReg.Tests.Data;

public class StatisticsTests
{
    [Fact]
    public void LogMeanExp_IsTheLogOfTheMeanOfExponentials_WithoutOverflow()
    {
        Assert.Equal(Math.Log(2), Statistics.LogMeanExp([Math.Log(1), Math.Log(3)]), 1e-12);
        Assert.Equal(Math.Log(5), Statistics.LogMeanExp([Math.Log(5)]), 1e-12);
        // exp(1000) overflows a double; the shifted sum does not.
        Assert.Equal(1000 + Math.Log((1 + Math.Exp(-1)) / 2), Statistics.LogMeanExp([1000.0, 999.0]), 1e-9);
        Assert.Equal(-1000 + Math.Log((1 + Math.Exp(-2)) / 2), Statistics.LogMeanExp([-1000.0, -1002.0]), 1e-9);
        Assert.Equal(Math.Log(0.5) - 3, Statistics.LogMeanExp([-3.0, double.NegativeInfinity]), 1e-12);
        Assert.True(double.IsNegativeInfinity(Statistics.LogMeanExp([double.NegativeInfinity, double.NegativeInfinity])));
    }

    [Fact]
    public void LogSumExp_IsTheLogOfTheSumOfExponentials_WithoutOverflow()
    {
        Assert.Equal(Math.Log(4), Statistics.LogSumExp([Math.Log(1), Math.Log(3)]), 1e-12);
        Assert.Equal(1000 + Math.Log(1 + Math.Exp(-1)), Statistics.LogSumExp([1000.0, 999.0]), 1e-9);
        Assert.Equal(-3.0, Statistics.LogSumExp([-3.0, double.NegativeInfinity]), 1e-12);
        Assert.True(double.IsNegativeInfinity(Statistics.LogSumExp([])));
        Assert.True(double.IsNegativeInfinity(Statistics.LogMeanExp([])));
    }
}
