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
/// training rows, <see cref="Rounds"/> rounds each add <see cref="Batch"/> rows chosen by each of the part's
/// <see cref="ActiveRule"/>s (<see cref="Acquisition"/> on an uncertainty score among a random <see cref="PoolSample"/>-row
/// sample of the pool, rows already labelled counting as centres, or random picks); after every round DecoReg
/// (defaults, <see cref="Epochs"/> epochs, patience <see cref="Patience"/>) is retrained on the labelled rows and scored
/// on the test rows (RMSE of the mean, NLL). <see cref="Seeds"/> seeds (the start set, the pool samples, the random picks
/// and the training seed). A part that <c>extends</c> another runs only its own rules and reports them beside the other
/// part's (same seeds, same start sets), so a new rule costs one run, not a rerun of every rule. A part with a
/// <c>firstSeed</c> above 0 runs fresh seeds: it confirms a rule chosen after looking at seeds 0–2 on draws that did not
/// choose it.
/// </summary>
public sealed class ActiveLearningPart(string name, IReadOnlyList<ActiveRule> rules, ActiveLearningPart? extends = null, int firstSeed = 0) : IUncertaintyPart
{
    public const int Start = 100, Batch = 100, Rounds = 10, Seeds = 3, PoolSample = Acquisition.PoolRowsPerPick * Batch, Epochs = 40, Patience = 10;
    public static readonly IReadOnlyList<string> Sets = ["power-plant", "protein-tertiary-structure"];

    // An extending part reports its curves beside its base's, so it must run the base's seeds.
    private readonly int firstSeed = extends is null || firstSeed == 0 ? firstSeed
        : throw new ArgumentException("a part that extends another runs that part's seeds (first seed 0)", nameof(firstSeed));
    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    public string Name => name;

    public IReadOnlyList<ActiveRule> Rules => rules;

    public bool AppliesTo(string dataset, int split) => split == 0 && Sets.Contains(dataset);

    public JsonObject Run(UncertaintySplit split)
    {
        ArgumentNullException.ThrowIfNull(split);
        var clock = Stopwatch.StartNew();
        var metrics = new JsonObject { ["pool_rows"] = split.Proper.RowCount, ["test_rows"] = split.Test.RowCount, ["epochs"] = Epochs };
        for (int seed = firstSeed; seed < firstSeed + Seeds; seed++)
            foreach (var rule in rules)
            {
                var (rmse, nll) = Curve(split, rule, seed);
                metrics[$"rmse_{rule.Name}_{seed}"] = new JsonArray(rmse.Select(v => UncertaintyRun.Value(v)).ToArray());
                metrics[$"nll_{rule.Name}_{seed}"] = new JsonArray(nll.Select(v => UncertaintyRun.Value(v)).ToArray());
            }
        metrics["seconds"] = clock.Elapsed.TotalSeconds;
        return metrics;
    }

    /// <summary>Test RMSE and NLL after each round (Rounds + 1 values: the start set first).</summary>
    private static (double[] Rmse, double[] Nll) Curve(UncertaintySplit split, ActiveRule rule, int seed)
    {
        var data = split.Proper;
        var rng = new Random(seed);
        var order = Splits.Shuffle(data.RowCount, 1000 + seed);
        var labelled = order.Take(Start).ToList();
        var pool = order.Skip(Start).ToList();
        // The recipe as recorded (min-max scaling, every member reading every row): the rule and random selection train
        // the same models, so the comparison does not depend on it, and choosing the scaling on each round's hold-out
        // would cost more on every one of the 11 rounds.
        var training = BenchMethods.Training(split.Budget with { Epochs = Epochs, Patience = Patience, Seed = seed }) with { MembersPerRow = Model.TransformerOptions.DefaultMlpMembers };
        var options = new RegressorOptions { SelectScaling = false, Training = training };
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
            if (rule.Score is not { } score) picked = sample.Take(Batch).ToArray();
            else
            {
                var candidates = data.Subset(sample).Features;
                var uncertainty = ConfidenceScores.Of(model.PredictBatch(candidates), score);
                var chosen = Acquisition.Select(uncertainty, model.Represent(candidates), Batch, rule.CandidateFactor,
                    model.Represent(data.Subset(labelled).Features), rule.Method);
                picked = chosen.Select(i => sample[i]).ToArray();
            }
            labelled.AddRange(picked);
            var taken = picked.ToHashSet();
            pool.RemoveAll(taken.Contains);
        }
    }

    /// <summary>Mean over seeds of a rule's curve.</summary>
    private double[] Mean(UncertaintyRun run, string metric, string rule)
    {
        var curves = Enumerable.Range(firstSeed, Seeds).Select(s => run.Metrics[$"{metric}_{rule}_{s}"] as JsonArray).Where(a => a is not null)
            .Select(a => a!.Select(v => v?.GetValue<double>() ?? double.NaN).ToArray()).ToArray();
        return curves.Length == 0 ? [] : Enumerable.Range(0, curves[0].Length).Select(i => curves.Average(c => c[i])).ToArray();
    }

    public string Line(UncertaintyRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var finals = rules.Select(rule => string.Create(Ci, $"{rule.Name} {Mean(run, "rmse", rule.Name)[^1]:G4}"));
        return string.Create(Ci, $"{run.Dataset} split {run.Split} active: final RMSE {string.Join(", ", finals)} ({run["seconds"]:F0} s)");
    }

    public void Report(StringBuilder sb, IReadOnlyList<UncertaintyRun> runs, IReadOnlyList<UncertaintyRun> all)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(all);
        var (shown, merged) = Merged(runs, all);
        sb.AppendLine(extends is not null ? $"### Active learning: {string.Join(", ", rules.Select(r => $"`{r.Name}`"))} beside the rules above"
            : firstSeed > 0 ? $"### Active learning on fresh seeds {firstSeed}–{firstSeed + Seeds - 1} (confirming a rule chosen after seeds 0–{Seeds - 1})" : "## Active learning").AppendLine();
        sb.AppendLine(FormattableString.Invariant($"Split 0 of power-plant and protein: {Start} random labelled rows of the proper training rows, then {Rounds} rounds of {Batch} chosen by a rule among a random {PoolSample}-row sample of the pool (rows already labelled count as centres), or at random. DecoReg (defaults with min-max target scaling, at most {Epochs} epochs, patience {Patience}) retrained after every round; test RMSE of the mean and NLL, mean over {Seeds} seeds ({firstSeed}–{firstSeed + Seeds - 1}: start set, pool samples, random picks and training seed; the same for every rule). ") +
            "Scores: `disagreement` = standard deviation of the ensemble members' means (what more labels can reduce), `std` = predictive standard deviation (noise included). Rules: " +
            string.Join("; ", shown.Select(r => $"`{r.Name}`{(r.IsDefault ? " (the default of `decoreg acquire`)" : "")}: {r.Description}")) + ".").AppendLine();
        // The base part judges the default rule; an extending part judges its own (first scored) rule.
        var judged = extends is null ? shown.FirstOrDefault(r => r.IsDefault) ?? rules.FirstOrDefault(r => r.Score is not null)
            : rules.FirstOrDefault(r => r.Score is not null);
        int met = 0;
        foreach (var run in merged.OrderBy(r => r.Dataset))
        {
            var rmse = shown.Select(rule => Mean(run, "rmse", rule.Name)).ToArray();
            var nll = shown.Select(rule => Mean(run, "nll", rule.Name)).ToArray();
            sb.AppendLine($"#### {run.Dataset}").AppendLine();
            sb.AppendLine("| labelled rows | " + string.Join(" | ", shown.Select(r => $"RMSE {r.Name}")) + " | " + string.Join(" | ", shown.Select(r => $"NLL {r.Name}")) + " |");
            sb.AppendLine("|---|" + string.Concat(Enumerable.Repeat("---|", 2 * shown.Count)));
            for (int i = 0; i < rmse[0].Length; i++)
                sb.AppendLine(string.Create(Ci, $"| {Start + i * Batch} | {string.Join(" | ", rmse.Select(c => c[i].ToString("G4", Ci)))} | {string.Join(" | ", nll.Select(c => c[i].ToString("F3", Ci)))} |"));
            if (judged is null) continue;
            double ra = Mean(run, "rmse", judged.Name)[^1], rr = Mean(run, "rmse", ActiveRule.Random.Name)[^1];
            double na = Mean(run, "nll", judged.Name)[^1], nr = Mean(run, "nll", ActiveRule.Random.Name)[^1];
            bool beats = ra < rr && na < nr;
            if (beats) met++;
            sb.AppendLine().AppendLine(string.Create(Ci, $"At {Start + Rounds * Batch} rows, `{judged.Name}`{(judged.IsDefault ? " (the default)" : "")} against random: RMSE {ra:G4} vs {rr:G4}, NLL {na:F3} vs {nr:F3}: it {(beats ? "beats" : "does not beat")} random on both.")).AppendLine();
        }
        if (judged is null) return;
        bool complete = merged.Count == Sets.Count, everySet = met == Sets.Count;
        if (firstSeed > 0)
        {
            sb.AppendLine($"On these fresh seeds, does `{judged.Name}`{(judged.IsDefault ? " (the default)" : "")} beat random at the end, RMSE and NLL, on both sets? {(!complete ? "not judged (a set is missing)" : everySet ? "**yes**" : "**no**")}.").AppendLine();
            PooledFreshSeeds(sb, judged, all);
            return;
        }
        sb.AppendLine(judged.IsDefault
            ? $"Target (the default rule, `{judged.Name}`, beats random at the end, RMSE and NLL, on both sets): {(!complete ? "not judged (a set is missing)" : everySet ? "**met**" : "**not met**")}."
            : $"Does `{judged.Name}` (not the default) beat random at the end, RMSE and NLL, on both sets? {(!complete ? "not judged (a set is missing)" : everySet ? "**yes**" : "**no**")}.").AppendLine();
    }

    /// <summary>
    /// The judgement over every fresh seed (any part's seeds from <see cref="Seeds"/> on) that ran <paramref name="rule"/>
    /// beside random: the mean of the final values, per set. Written once, by the part holding the highest such seed.
    /// </summary>
    private void PooledFreshSeeds(StringBuilder sb, ActiveRule rule, IReadOnlyList<UncertaintyRun> all)
    {
        static double Final(UncertaintyRun r, string key) => (r.Metrics[key] as JsonArray)![^1]!.GetValue<double>();
        string prefix = $"rmse_{rule.Name}_", random = ActiveRule.Random.Name;
        var perSet = new List<(string Set, int[] Seeds, (double Rmse, double Nll) Rule, (double Rmse, double Nll) Random)>();
        foreach (var set in Sets)
        {
            // Each fresh seed once, with the run that holds both rules' curves for it (read from the recorded keys).
            var bySeed = new SortedDictionary<int, UncertaintyRun>();
            foreach (var run in all.Where(r => r.Dataset == set && r.Split == 0))
                foreach (var key in run.Metrics.Select(m => m.Key).Where(k => k.StartsWith(prefix, StringComparison.Ordinal)))
                    if (int.TryParse(key.AsSpan(prefix.Length), NumberStyles.None, Ci, out int seed) && seed >= Seeds
                        && run.Metrics.ContainsKey($"rmse_{random}_{seed}"))
                        bySeed.TryAdd(seed, run);
            // Written once, by the part holding the highest fresh seed, when every set has it.
            if (bySeed.Count == 0 || bySeed.Keys.Last() != firstSeed + Seeds - 1) return;
            double FinalMean(string metric, string name) => bySeed.Average(p => Final(p.Value, $"{metric}_{name}_{p.Key}"));
            perSet.Add((set, bySeed.Keys.ToArray(), (FinalMean("rmse", rule.Name), FinalMean("nll", rule.Name)),
                (FinalMean("rmse", random), FinalMean("nll", random))));
        }
        if (perSet.All(p => p.Seeds.Length <= Seeds)) return;   // one part's seeds alone: judged above
        bool beatsEverywhere = perSet.All(p => p.Rule.Rmse < p.Random.Rmse && p.Rule.Nll < p.Random.Nll);
        sb.AppendLine(string.Create(Ci, $"Over every fresh seed that ran `{rule.Name}` beside random (the mean of the final values at {Start + Rounds * Batch} rows): ") +
            string.Join("; ", perSet.Select(p => string.Create(Ci, $"{p.Set} (seeds {string.Join(", ", p.Seeds)}) RMSE {p.Rule.Rmse:F3} vs {p.Random.Rmse:F3}, NLL {p.Rule.Nll:F4} vs {p.Random.Nll:F4}"))) +
            $": `{rule.Name}` {(beatsEverywhere ? "beats" : "does not beat")} random on both sets, RMSE and NLL.").AppendLine();
    }

    /// <summary>The rules shown (the extended part's first, then this part's) and, per set, one run holding every shown rule's curves.</summary>
    private (IReadOnlyList<ActiveRule> Shown, IReadOnlyList<UncertaintyRun> Merged) Merged(IReadOnlyList<UncertaintyRun> runs, IReadOnlyList<UncertaintyRun> all)
    {
        if (extends is not { } basis) return (rules, runs);
        var shown = basis.Rules.Concat(rules).ToArray();
        var merged = runs.Select(run =>
        {
            var metrics = (JsonObject)run.Metrics.DeepClone();
            var other = all.FirstOrDefault(r => r.Part == basis.Name && r.Dataset == run.Dataset && r.Split == run.Split);
            if (other is not null)
                foreach (var (key, value) in other.Metrics)
                    if (!metrics.ContainsKey(key)) metrics[key] = value?.DeepClone();
            return run with { Metrics = metrics };
        }).ToArray();
        return (shown.Where(r => merged.All(m => m.Metrics.ContainsKey($"rmse_{r.Name}_{firstSeed}"))).ToArray(), merged);
    }

    public Plot? Plot(IReadOnlyList<UncertaintyRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0 || extends is not null) return null;   // an extending part's rules are in its table
        var plot = new Plot();
        foreach (var run in runs.OrderBy(r => r.Dataset))
            foreach (var rule in rules.Select(r => r.Name))
            {
                var curve = Mean(run, "rmse", rule);
                var baseline = curve[0];
                var xs = Enumerable.Range(0, curve.Length).Select(i => (double)(Start + i * Batch)).ToArray();
                var line = plot.Add.Scatter(xs, curve.Select(v => v / baseline).ToArray());
                line.LegendText = $"{run.Dataset} {rule}";
                if (rule == "random") line.LinePattern = LinePattern.Dashed;
            }
        plot.Title($"active learning: test RMSE (relative to the start set's) against labelled rows, mean of seeds {firstSeed}–{firstSeed + Seeds - 1}");
        plot.XLabel("labelled rows");
        plot.YLabel("RMSE / RMSE at 100 rows");
        plot.ShowLegend();
        return plot;
    }
}
