using DecoReg.Evaluation;

namespace DecoReg.Tests.Evaluation;

public class RankCorrelationTests
{
    [Fact]
    public void KendallTauBWithTiesMatchesHandValue()
    {
        // Pairs of (x, y) = (1,1), (2,3), (2,2), (3,2): concordant 3, discordant 1, one x-tie, one y-tie, n0 = 6.
        // tau-b = (3 − 1) / √((6 − 1)(6 − 1)) = 0.4
        Assert.Equal(0.4, RankCorrelation.KendallTauB([1, 2, 2, 3], [1, 3, 2, 2]), 1e-15);
    }

    [Fact]
    public void SpearmanWithTiesMatchesHandValue()
    {
        // Ranks x: 1, 2.5, 2.5, 4; ranks y: 1, 4, 2.5, 2.5 → Σdxdy = 2.25, Σdx² = Σdy² = 4.5 → 0.5
        Assert.Equal([1, 2.5, 2.5, 4], RankCorrelation.AverageRanks([1, 2, 2, 3]));
        Assert.Equal(0.5, RankCorrelation.Spearman([1, 2, 2, 3], [1, 3, 2, 2]), 1e-15);
    }

    [Fact]
    public void PerfectAndReversedOrder()
    {
        double[] x = [1, 5, 2, 8];
        Assert.Equal(1.0, RankCorrelation.KendallTauB(x, x.Select(v => v * 3 + 1).ToArray()), 1e-15);
        Assert.Equal(-1.0, RankCorrelation.KendallTauB(x, x.Select(v => -v).ToArray()), 1e-15);
        Assert.Equal(1.0, RankCorrelation.Spearman(x, x.Select(Math.Exp).ToArray()), 1e-15);
        Assert.Equal(-1.0, RankCorrelation.Spearman(x, x.Select(v => -v).ToArray()), 1e-15);
    }

    [Fact]
    public void ConstantInputGivesNaN()
    {
        Assert.True(double.IsNaN(RankCorrelation.KendallTauB([1, 1, 1], [1, 2, 3])));
        Assert.True(double.IsNaN(RankCorrelation.Spearman([1, 2, 3], [4, 4, 4])));
        Assert.True(double.IsNaN(RankCorrelation.KendallTauB([1], [1])));
    }

    [Fact]
    public void KendallMatchesQuadraticDefinitionOnManyTies()
    {
        var random = new Random(3);
        for (int trial = 0; trial < 20; trial++)
        {
            int n = 2 + random.Next(200);
            var x = Enumerable.Range(0, n).Select(_ => (double)random.Next(6)).ToArray();
            var y = Enumerable.Range(0, n).Select(_ => (double)random.Next(4)).ToArray();
            Assert.Equal(BruteForceTauB(x, y), RankCorrelation.KendallTauB(x, y), 1e-12);
        }
    }

    private static double BruteForceTauB(double[] x, double[] y)
    {
        long concordant = 0, discordant = 0, tieX = 0, tieY = 0;
        for (int i = 0; i < x.Length; i++)
        for (int j = i + 1; j < x.Length; j++)
        {
            double sx = Math.Sign(x[i] - x[j]), sy = Math.Sign(y[i] - y[j]);
            if (sx == 0 && sy == 0) continue;
            if (sx == 0) tieX++;
            else if (sy == 0) tieY++;
            else if (sx == sy) concordant++;
            else discordant++;
        }
        double denominator = Math.Sqrt((double)(concordant + discordant + tieX) * (concordant + discordant + tieY));
        return denominator > 0 ? (concordant - discordant) / denominator : double.NaN;
    }
}
