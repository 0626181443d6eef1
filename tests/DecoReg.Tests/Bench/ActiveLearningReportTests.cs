using System.Text;
using System.Text.Json.Nodes;
using DecoReg.Bench.Uncertainty;
using DecoReg.Uncertainty;

namespace DecoReg.Tests.Bench;

/// <summary>The active-learning report's judgements, on recorded curves made up for the test (no training).</summary>
public sealed class ActiveLearningReportTests
{
    private static readonly ActiveRule Rule = new("rule", ConfidenceScore.Disagreement, AcquisitionMethod.LargestCluster, Factor: 50);

    /// <summary>A run whose curves end at the given finals (rule RMSE, rule NLL, random RMSE, random NLL) per seed.</summary>
    private static UncertaintyRun Run(string part, string set, int firstSeed, params (double, double, double, double)[] finals)
    {
        var metrics = new JsonObject();
        for (int i = 0; i < finals.Length; i++)
        {
            var (rr, rn, xr, xn) = finals[i];
            int seed = firstSeed + i;
            metrics[$"rmse_rule_{seed}"] = new JsonArray(9.0, rr);
            metrics[$"nll_rule_{seed}"] = new JsonArray(9.0, rn);
            metrics[$"rmse_random_{seed}"] = new JsonArray(9.0, xr);
            metrics[$"nll_random_{seed}"] = new JsonArray(9.0, xn);
        }
        return new UncertaintyRun(part, set, 0, metrics);
    }

    [Fact]
    public void FreshSeeds_AreJudgedPerPart_AndPooledOnceByThePartWithTheLastSeeds()
    {
        var first = new ActiveLearningPart("fresh-a", [Rule, ActiveRule.Random], firstSeed: 3);
        var second = new ActiveLearningPart("fresh-b", [Rule, ActiveRule.Random], firstSeed: 6);
        // Seeds 3–5: the rule loses power-plant's NLL; seeds 6–8: it wins both sets by more, so the six-seed means win.
        UncertaintyRun[] a =
        [
            Run("fresh-a", "power-plant", 3, (4.3, 2.85, 4.4, 2.84), (4.3, 2.85, 4.4, 2.84), (4.3, 2.85, 4.4, 2.84)),
            Run("fresh-a", "protein-tertiary-structure", 3, (5.1, 2.57, 5.2, 2.58), (5.1, 2.57, 5.2, 2.58), (5.1, 2.57, 5.2, 2.58)),
        ];
        UncertaintyRun[] b =
        [
            Run("fresh-b", "power-plant", 6, (4.3, 2.80, 4.4, 2.84), (4.3, 2.80, 4.4, 2.84), (4.3, 2.80, 4.4, 2.84)),
            Run("fresh-b", "protein-tertiary-structure", 6, (5.1, 2.57, 5.2, 2.58), (5.1, 2.57, 5.2, 2.58), (5.1, 2.57, 5.2, 2.58)),
        ];
        var all = a.Concat(b).ToArray();

        var sb = new StringBuilder();
        first.Report(sb, a, all);
        string earlier = sb.ToString();
        Assert.Contains("On these fresh seeds, does `rule` (the default) beat random at the end, RMSE and NLL, on both sets? **no**", earlier);
        Assert.DoesNotContain("Over every fresh seed", earlier);   // the part with seeds 6–8 writes the pooled line
        Assert.DoesNotContain("Target", earlier);

        sb.Clear();
        second.Report(sb, b, all);
        string later = sb.ToString();
        Assert.Contains("On these fresh seeds, does `rule` (the default) beat random at the end, RMSE and NLL, on both sets? **yes**", later);
        Assert.Contains("power-plant (seeds 3, 4, 5, 6, 7, 8) RMSE 4.300 vs 4.400, NLL 2.8250 vs 2.8400", later);
        Assert.Contains("`rule` beats random on both sets, RMSE and NLL.", later);

        // Alone (no other fresh part recorded) there is nothing to pool.
        sb.Clear();
        second.Report(sb, b, b);
        Assert.DoesNotContain("Over every fresh seed", sb.ToString());
    }
}
