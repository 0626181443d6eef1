using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DecoReg.Data;
using DecoReg.Uncertainty;
using ScottPlot;

namespace DecoReg.Bench.Uncertainty;

/// <summary>
/// Active learning on power-plant and protein (split 0): from <see cref="Start"/> random labelled rows of the proper
/// training rows, <see cref="Rounds"/> rounds each add <see cref="Batch"/> rows chosen by the acquisition rule of
/// <c>decoreg acquire</c> (<see cref="Acquisition"/>: an uncertainty score, then greedy k-center in the encoder's
/// representation among the 4 × 100 most uncertain of a random <see cref="PoolSample"/>-row sample of the pool) with
/// each score of <see cref="Scores"/> (the first is the CLI's default), or at random; after every round DecoReg (defaults, <see cref="Epochs"/> epochs, patience <see cref="Patience"/>) is
/// retrained on the labelled rows and scored on the test rows (RMSE of the mean, NLL). <see cref="Seeds"/> seeds (the
/// start set, the pool samples, the random picks and the training seed).
/// </summary>
public sealed class ActiveLearningPart : IUncertaintyPart
{
    public const int Start = 100, Batch = 100, Rounds = 10, Seeds = 3, PoolSample = 5000, Epochs = 40, Patience = 10;
    public static readonly IReadOnlyList<string> Sets = ["power-plant", "protein-tertiary-structure"];
    /// <summary>The uncertainty scores compared (the first is <c>decoreg acquire</c>'s default, the one the target judges).</summary>
    public static readonly IReadOnlyList<ConfidenceScore> Scores = new[] { Acquisition.DefaultScore, ConfidenceScore.Disagreement, ConfidenceScore.StdDev }.Distinct().ToArray();
    private static readonly string[] Rules = [.. Scores.Select(ConfidenceScores.Name), "random"];
    private static string Default => Rules[0];
    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    public string Name => "active";

    public bool AppliesTo(string dataset, int split) => split == 0 && Sets.Contains(dataset);

    public JsonObject Run(UncertaintySplit split)
    {
        ArgumentNullException.ThrowIfNull(split);
        var clock = Stopwatch.StartNew();
        var metrics = new JsonObject { ["pool_rows"] = split.Proper.RowCount, ["test_rows"] = split.Test.RowCount, ["epochs"] = Epochs };
        for (int seed = 0; seed < Seeds; seed++)
            foreach (var rule in Rules)
            {
                var (rmse, nll) = Curve(split, rule, seed);
                metrics[$"rmse_{rule}_{seed}"] = new JsonArray(rmse.Select(v => UncertaintyRun.Value(v)).ToArray());
                metrics[$"nll_{rule}_{seed}"] = new JsonArray(nll.Select(v => UncertaintyRun.Value(v)).ToArray());
            }
        metrics["seconds"] = clock.Elapsed.TotalSeconds;
        return metrics;
    }

    /// <summary>Test RMSE and NLL after each round (Rounds + 1 values: the start set first).</summary>
    private static (double[] Rmse, double[] Nll) Curve(UncertaintySplit split, string rule, int seed)
    {
        var data = split.Proper;
        var rng = new Random(seed);
        var order = Splits.Shuffle(data.RowCount, 1000 + seed);
        var labelled = order.Take(Start).ToList();
        var pool = order.Skip(Start).ToList();
        var options = new RegressorOptions { Training = BenchMethods.Training(split.Budget with { Epochs = Epochs, Patience = Patience, Seed = seed }) };
        var rmse = new double[Rounds + 1];
        var nll = new double[Rounds + 1];
        for (int round = 0; ; round++)
        {
            using var model = DecodingRegressor.Train(data.Subset(labelled), options);
            var means = model.PredictBatch(split.Test.Features).Select(d => d.Mean).ToArray();
            rmse[round] = Math.Sqrt(means.Select((m, i) => (m - split.Test.Targets[i]) * (m - split.Test.Targets[i])).Average());
            nll[round] = -model.LogLikelihood(split.Test).Average();
            if (round == Rounds) return (rmse, nll);
            var sample = pool.OrderBy(_ => rng.Next()).Take(PoolSample).ToArray();
            int[] picked;
            if (rule == "random") picked = sample.Take(Batch).ToArray();
            else
            {
                var candidates = data.Subset(sample).Features;
                var uncertainty = ConfidenceScores.Of(model.PredictBatch(candidates), ConfidenceScores.Parse(rule));
                var chosen = Acquisition.Select(uncertainty, model.Represent(candidates), Batch, labelled: model.Represent(data.Subset(labelled).Features));
                picked = chosen.Select(i => sample[i]).ToArray();
            }
            labelled.AddRange(picked);
            var taken = picked.ToHashSet();
            pool.RemoveAll(taken.Contains);
        }
    }

    /// <summary>Mean over seeds of a rule's curve.</summary>
    private static double[] Mean(UncertaintyRun run, string metric, string rule)
    {
        var curves = Enumerable.Range(0, Seeds).Select(s => run.Metrics[$"{metric}_{rule}_{s}"] as JsonArray).Where(a => a is not null)
            .Select(a => a!.Select(v => v?.GetValue<double>() ?? double.NaN).ToArray()).ToArray();
        return curves.Length == 0 ? [] : Enumerable.Range(0, curves[0].Length).Select(i => curves.Average(c => c[i])).ToArray();
    }

    public string Line(UncertaintyRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var finals = Rules.Select(rule => string.Create(Ci, $"{rule} {Mean(run, "rmse", rule)[^1]:G4}"));
        return string.Create(Ci, $"{run.Dataset} split {run.Split} active: final RMSE {string.Join(", ", finals)} ({run["seconds"]:F0} s)");
    }

    public void Report(StringBuilder sb, IReadOnlyList<UncertaintyRun> runs)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(runs);
        sb.AppendLine("## Active learning").AppendLine();
        sb.AppendLine(FormattableString.Invariant($"Split 0 of power-plant and protein: {Start} random labelled rows of the proper training rows, then {Rounds} rounds of {Batch}, chosen by `decoreg acquire`'s rule (an uncertainty score; greedy k-center in the encoder's representation among the 4 × {Batch} most uncertain rows of a random {PoolSample}-row sample of the pool, rows already labelled counting as centres) or at random. ") +
            FormattableString.Invariant($"Scores: `disagreement` = standard deviation of the ensemble members' means (what more labels can reduce; the default of `decoreg acquire`), `std` = predictive standard deviation (noise included). ") +
            FormattableString.Invariant($"DecoReg (defaults, at most {Epochs} epochs, patience {Patience}) retrained after every round; test RMSE of the mean and NLL, mean over {Seeds} seeds (start set, pool samples, random picks and training seed).")).AppendLine();
        int met = 0;
        foreach (var run in runs.OrderBy(r => r.Dataset))
        {
            var rmse = Rules.Select(rule => Mean(run, "rmse", rule)).ToArray();
            var nll = Rules.Select(rule => Mean(run, "nll", rule)).ToArray();
            sb.AppendLine($"### {run.Dataset}").AppendLine();
            sb.AppendLine("| labelled rows | " + string.Join(" | ", Rules.Select(r => $"RMSE {r}")) + " | " + string.Join(" | ", Rules.Select(r => $"NLL {r}")) + " |");
            sb.AppendLine("|---|" + string.Concat(Enumerable.Repeat("---|", 2 * Rules.Length)));
            for (int i = 0; i < rmse[0].Length; i++)
                sb.AppendLine(string.Create(Ci, $"| {Start + i * Batch} | {string.Join(" | ", rmse.Select(c => c[i].ToString("G4", Ci)))} | {string.Join(" | ", nll.Select(c => c[i].ToString("F3", Ci)))} |"));
            var (ra, rr, na, nr) = (rmse[0][^1], rmse[^1][^1], nll[0][^1], nll[^1][^1]);
            bool beats = ra < rr && na < nr;
            if (beats) met++;
            sb.AppendLine().AppendLine(string.Create(Ci, $"At {Start + Rounds * Batch} rows, the default rule ({Default}) against random: RMSE {ra:G4} vs {rr:G4}, NLL {na:F3} vs {nr:F3}: it {(beats ? "beats" : "does not beat")} random on both.")).AppendLine();
        }
        string verdict = runs.Count < Sets.Count ? "not judged (a set is missing)" : met == Sets.Count ? "**met**" : "**not met**";
        sb.AppendLine($"Target (the rule beats random at the end, RMSE and NLL, on both sets): {verdict}.").AppendLine();
    }

    public Plot? Plot(IReadOnlyList<UncertaintyRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0) return null;
        var plot = new Plot();
        foreach (var run in runs.OrderBy(r => r.Dataset))
            foreach (var rule in Rules)
            {
                var curve = Mean(run, "rmse", rule);
                var baseline = Mean(run, "rmse", "random")[0];
                var xs = Enumerable.Range(0, curve.Length).Select(i => (double)(Start + i * Batch)).ToArray();
                var line = plot.Add.Scatter(xs, curve.Select(v => v / baseline).ToArray());
                line.LegendText = $"{run.Dataset} {rule}";
                if (rule == "random") line.LinePattern = LinePattern.Dashed;
            }
        plot.Title("active learning: test RMSE (relative to the start set's) against labelled rows, mean of 3 seeds");
        plot.XLabel("labelled rows");
        plot.YLabel("RMSE / RMSE at 100 rows");
        plot.ShowLegend();
        return plot;
    }
}
