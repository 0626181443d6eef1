using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace DecoReg.Bench.Uncertainty;

/// <summary>
/// Conformal intervals re-measured over <see cref="Carvings"/> draws of the calibration rows on the five small UCI
/// sets (31–160 test rows per split). Split-conformal coverage is a random variable twice over: through the
/// calibration rows drawn (Beta-distributed given them) and through the few test rows it is counted on. With one
/// carving, 5 splits and e.g. yacht's 55 calibration and 31 test rows, the mean coverage of an exact 90 % method has a
/// standard error near 0.03, as wide as the issue's band; every carving here trains its own DecoReg (defaults, the
/// set's budget) on its proper rows, so averaging over carvings removes most of the calibration draw's noise
/// (the test rows stay the standard split's). Carving 0 is the <see cref="ConformalPart"/>'s own.
/// </summary>
public sealed class ConformalRepeatsPart : IUncertaintyPart
{
    /// <summary>Draws of the calibration rows per split (carving 0 included).</summary>
    public const int Carvings = 5;

    /// <summary>The sets re-measured: those whose test splits are small (power-plant's 957 and protein's 4573 test rows need none).</summary>
    public static readonly IReadOnlySet<string> Sets = new HashSet<string> { "yacht", "bostonHousing", "energy", "concrete", "wine-quality-red" };

    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    public string Name => "conformal-repeats";

    public bool AppliesTo(string dataset, int split) => Sets.Contains(dataset);

    public JsonObject Run(UncertaintySplit split)
    {
        ArgumentNullException.ThrowIfNull(split);
        var perCarving = new List<Dictionary<string, JsonNode?>>();
        var metrics = new JsonObject { ["carvings"] = Carvings, ["test_rows"] = split.Test.RowCount, ["calibration_rows"] = split.Calibration.RowCount };
        double seconds = 0;
        for (int c = 0; c < Carvings; c++)
        {
            var (proper, calibration) = c == 0 ? (split.Proper, split.Calibration) : split.Carving(c);
            var fit = c == 0 ? split.DecoReg : split.FitDecoReg(proper, calibration);
            try
            {
                var figures = ConformalPart.Measure(fit, calibration.Targets, split.Test.Targets).ToDictionary(f => f.Key, f => f.Value);
                perCarving.Add(figures);
                foreach (var method in ConformalPart.Methods)
                    metrics[$"{ConformalPart.Key("coverage", method, 0.9)}_c{c}"] = figures[ConformalPart.Key("coverage", method, 0.9)]?.DeepClone();
                seconds += fit.TrainSeconds;
            }
            finally
            {
                if (c != 0) fit.Model.Dispose();
            }
        }
        // The mean over carvings under the conformal part's own keys, so its tables and verdict read these runs alike.
        foreach (var key in perCarving[0].Keys)
        {
            metrics[key] = UncertaintyRun.Value(perCarving.Average(f => UncertaintyRun.Number(f[key])));
        }
        metrics["train_seconds"] = seconds;
        return metrics;
    }

    public string Line(UncertaintyRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var each = Enumerable.Range(0, Carvings).Select(c => run[$"{ConformalPart.Key("coverage", ConformalPart.Chosen, 0.9)}_c{c}"].ToString("F3", Ci));
        return string.Create(Ci, $"{run.Dataset} split {run.Split} conformal over {Carvings} carvings: 90 % coverage {ConformalPart.Chosen} {run[ConformalPart.Key("coverage", ConformalPart.Chosen, 0.9)]:F3} (carvings {string.Join(", ", each)}), {run["train_seconds"]:F0} s");
    }

    public void Report(StringBuilder sb, IReadOnlyList<UncertaintyRun> runs, IReadOnlyList<UncertaintyRun> all)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(all);
        sb.AppendLine(string.Create(Ci, $"### 90 % intervals over {Carvings} draws of the calibration rows (small sets)")).AppendLine();
        sb.AppendLine(string.Create(Ci, $"On the sets with few test rows, each split's training rows are carved {Carvings} times (seed {UncertaintySplit.CalibrationSeed} + split + 1000 × carving; carving 0 is the one above) and a DecoReg is trained on each carving's proper rows; coverage is averaged over the carvings within a split, then mean ± s.e. over the splits. `s.e. of an exact method, one carving`: the standard error of the mean 90 % coverage over the splits that a method with exactly the split-conformal law would show with one carving (the coverage given n calibration rows is Beta(k, n + 1 − k), k = ⌈0.9(n + 1)⌉, then counted on m test rows); where it is about as wide as the band, one carving cannot tell a correct method from a wrong one.")).AppendLine();
        sb.Append("| data set | splits | carvings | s.e. of an exact method, one carving |");
        foreach (var m in ConformalPart.Methods) sb.Append($" coverage {m} | width {m} |");
        sb.AppendLine().Append("|---|---|---|---|").AppendLine(string.Concat(Enumerable.Repeat("---|---|", ConformalPart.Methods.Length)));
        foreach (var set in runs.GroupBy(r => r.Dataset))
        {
            double se = ExactStdErr((int)set.First()["calibration_rows"], (int)set.First()["test_rows"], 0.9, set.Count());
            sb.Append(string.Create(Ci, $"| {set.Key} | {set.Count()} | {Carvings} | {se:F3} |"));
            foreach (var m in ConformalPart.Methods)
                sb.Append($" {UncertaintyRun.Over(set, ConformalPart.Key("coverage", m, 0.9)).Format()} | {UncertaintyRun.Over(set, ConformalPart.Key("width", m, 0.9)).Format()} |");
            sb.AppendLine();
        }
        sb.AppendLine();
        // Each set judged on its most precise estimate: the carvings' mean where repeated, else the single carving above.
        var repeated = runs.Select(r => r.Dataset).ToHashSet();
        var combined = runs.Concat(all.Where(r => r.Part == ConformalPart.PartName && !repeated.Contains(r.Dataset))).ToArray();
        var (inBand, outside) = ConformalPart.Verdict(combined, ConformalPart.Chosen);
        sb.AppendLine(string.Create(Ci, $"Target judged on these means ({string.Join(", ", repeated)}) and, for the other sets, the single carving above: `{ConformalPart.Chosen}` 90 % coverage in [{ConformalPart.Low:F2}, {ConformalPart.High:F2}] on every set: **{(outside.Count == 0 && inBand.Count > 0 ? "met" : "not met")}** ({inBand.Count} of {inBand.Count + outside.Count} sets in the band{(outside.Count > 0 ? "; outside: " + string.Join(", ", outside) : "")})."));
        foreach (var other in ConformalPart.Methods.Skip(2))
        {
            var (i, o) = ConformalPart.Verdict(combined, other);
            sb.AppendLine(string.Create(Ci, $"`{other}`: {i.Count} of {i.Count + o.Count} in the band{(o.Count > 0 ? " (outside: " + string.Join(", ", o) + ")" : "")}."));
        }
        sb.AppendLine();
    }

    /// <summary>
    /// Standard error of the mean coverage over <paramref name="splits"/> splits of an exact split-conformal method with
    /// one carving: given n calibration rows its coverage C is Beta(k, n + 1 − k), k = ⌈level·(n + 1)⌉; counted on m test
    /// rows, Var = Var(C) + E[C(1 − C)]/m.
    /// </summary>
    public static double ExactStdErr(int calibrationRows, int testRows, double level, int splits)
    {
        double n1 = calibrationRows + 1, k = Math.Ceiling(level * n1), mean = k / n1;
        double beta = k * (n1 - k) / (n1 * n1 * (n1 + 1));
        return Math.Sqrt((beta + (mean * (1 - mean) - beta) / testRows) / splits);
    }

    public ScottPlot.Plot? Plot(IReadOnlyList<UncertaintyRun> runs) => null;
}
