using DecoReg.Inference;
using DecoReg.Uncertainty;

namespace DecoReg.Tests.Uncertainty;

/// <summary>Risk–coverage curves and AURC: ties, the oracle floor, the full-coverage risk.</summary>
public class RiskCoverageTests
{
    [Fact]
    public void ConstantScoreGivesTheRandomOrderValueAtEveryCoverage()
    {
        double[] losses = [4, 1, 9, 0, 6];
        var curve = RiskCoverage.Of([2, 2, 2, 2, 2], losses);
        Assert.All(curve.Risk, r => Assert.Equal(4.0, r, 12));
        Assert.Equal(4.0, curve.Aurc, 12);
    }

    [Fact]
    public void OracleIsNondecreasingAndAFloor()
    {
        var rng = new Random(7);
        var losses = Enumerable.Range(0, 200).Select(_ => rng.NextDouble() * 10).ToArray();
        var scores = losses.Select(l => l + 5 * rng.NextDouble()).ToArray(); // informative but noisy
        var oracle = RiskCoverage.Oracle(losses);
        Assert.True(oracle.Risk.Zip(oracle.Risk.Skip(1)).All(p => p.First <= p.Second + 1e-12));
        var curve = RiskCoverage.Of(scores, losses);
        Assert.True(oracle.Aurc <= curve.Aurc);
        Assert.True(curve.Aurc < losses.Average()); // better than random order
        Assert.Equal(losses.Average(), curve.FullRisk, 12);
        Assert.Equal(1.0, curve.Coverage[^1]);
    }

    [Fact]
    public void AbstentionRulesMarkTheRightRows()
    {
        Assert.Equal([false, true, false], Abstention.ByWidth([new(0, 1), new(0, 3), new(1, 2)], 2.0));
        Assert.Equal([false, true, false, true], Abstention.ByCoverage([1, 4, 2, 3], 0.5));
        Assert.Equal([false, true, true, true], Abstention.ByCoverage([1, 4, 2, 3], 0.5, reference: [0.5, 1, 1.5, 5]));
        Assert.Throws<DecoRegException>(() => Abstention.ByWidth([new(0, 1)], 0));
        Assert.Throws<DecoRegException>(() => Abstention.ByCoverage([1.0], 1.5));
    }

    [Fact]
    public void Disagreement_IsTheSpreadOfTheMembersMeans_AndNeedsMembers()
    {
        static Distribution Atom(double v, params double[] members) => new([v], [1], [v - 1], [v + 1], 1) { MemberMeans = members };
        var withMembers = new[] { Atom(1, 0, 2), Atom(2, 1, 3, 2, 2), Atom(3, 3, 3) };
        Assert.Equal([1.0, Math.Sqrt(0.5), 0.0], ConfidenceScores.Of(withMembers, ConfidenceScore.Disagreement));
        Assert.Contains(ConfidenceScore.Disagreement, ConfidenceScores.For(withMembers));

        var plain = new[] { Atom(1), Atom(2, 1, 3) };
        Assert.DoesNotContain(ConfidenceScore.Disagreement, ConfidenceScores.For(plain));
        var error = Assert.Throws<DecoRegException>(() => ConfidenceScores.Of(plain, ConfidenceScore.Disagreement));
        Assert.Contains("members", error.Message);
        Assert.Equal(0, plain[0].MemberSpread);

        Assert.Equal(ConfidenceScore.Disagreement, ConfidenceScores.Parse("Disagreement"));
        Assert.All(ConfidenceScores.All, s => Assert.Equal(s, ConfidenceScores.Parse(ConfidenceScores.Name(s))));
        Assert.Contains("expected std, width90", Assert.Throws<DecoRegException>(() => ConfidenceScores.Parse("var")).Message);
    }
}
