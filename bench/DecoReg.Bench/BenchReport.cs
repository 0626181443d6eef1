using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DecoReg.Persistence;
using ScottPlot;

namespace DecoReg.Bench;

/// <summary>
/// Writes a suite's results: <c>&lt;suite&gt;.md</c> (per data set: mean ± s.e. over splits of every metric, with the
/// published UCI numbers beside ours), <c>&lt;suite&gt;.json</c> (the same summaries plus every run) and
/// <c>&lt;suite&gt;.png</c> (NLL and RMSE per data set and method, with s.e. bars), all with the command, machine,
/// date, budget and seeds.
/// </summary>
public static class BenchReport
{
    /// <summary>Aggregates per (data set, method) over the successful splits, in run order.</summary>
    public static IReadOnlyList<(string Dataset, string Method, IReadOnlyDictionary<string, Summary> Metrics, int Failed)> Aggregate(IEnumerable<RunResult> results)
    {
        var list = new List<(string, string, IReadOnlyDictionary<string, Summary>, int)>();
        foreach (var group in results.GroupBy(r => (r.Dataset, r.Method)))
        {
            var ok = group.Where(r => r.Error is null).ToArray();
            var metrics = new Dictionary<string, Summary>
            {
                ["rmse"] = Summary.Of(ok.Select(r => r.Rmse).ToArray()),
                ["nll"] = Summary.Of(ok.Select(r => r.Nll).ToArray()),
                ["crps"] = Summary.Of(ok.Select(r => r.Crps).ToArray()),
                ["coverage90"] = Summary.Of(ok.Select(r => r.Coverage90).ToArray()),
                ["train_seconds"] = Summary.Of(ok.Select(r => r.TrainSeconds).ToArray()),
                ["predict_seconds"] = Summary.Of(ok.Select(r => r.PredictSeconds).ToArray()),
                ["spearman"] = Optional(ok, r => r.Spearman),
                ["kendall_tau"] = Optional(ok, r => r.Kendall),
                ["r2_log"] = Optional(ok, r => r.R2Log),
                ["rmse_log"] = Optional(ok, r => r.RmseLog),
                ["predict_rows_per_second"] = Optional(ok, r => r.PredictRowsPerSecond),
                ["train_examples_per_second"] = Optional(ok, r => r.TrainExamplesPerSecond),
                ["epochs"] = Summary.Of(ok.Where(r => r.Epochs > 0).Select(r => (double)r.Epochs).ToArray()), // none for LightGBM
            };
            list.Add((group.Key.Dataset, group.Key.Method, metrics, group.Count() - ok.Length));
        }
        return list;
    }

    /// <summary>Summary of a metric recorded only by some runs (absent in older files, or for other methods).</summary>
    private static Summary Optional(IEnumerable<RunResult> runs, Func<RunResult, double?> metric) =>
        Summary.Of(runs.Select(metric).Where(v => v is not null).Select(v => v!.Value).ToArray());

    /// <summary>Writes the three reports of a record into <paramref name="outDir"/>, each replaced atomically.</summary>
    public static void Write(BenchRecord record, string outDir)
    {
        Directory.CreateDirectory(outDir);
        string stem = Path.Combine(outDir, record.Suite);
        var summary = Aggregate(record.Runs);
        AtomicFile.Write(stem + ".md", path => File.WriteAllText(path, Markdown(record, summary)), what: "benchmark report");
        AtomicFile.Write(stem + ".json", path => File.WriteAllText(path, Json(record, summary)), what: "benchmark results");
        if (summary.Count > 0) AtomicFile.Write(stem + ".png", path => Plot(record, summary, path), what: "benchmark plot");
    }

    /// <summary>The methods present in the runs, in the canonical order.</summary>
    private static string[] Methods(BenchRecord record) =>
        BenchMethods.Names.Where(m => record.Runs.Any(r => r.Method == m)).ToArray();

    /// <summary>
    /// The first lines of every suite's report: title, the commands whose runs make it, machine, start and last update
    /// (UTC) and the number of runs.
    /// </summary>
    public static void AppendHeader(StringBuilder sb, string suite, bool quick, IReadOnlyList<string> commands, string machine,
        DateTimeOffset started, DateTimeOffset updated, int runs)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(commands);
        var ci = CultureInfo.InvariantCulture;
        sb.AppendLine($"# Benchmark: {suite}{(quick ? " (quick)" : "")}").AppendLine();
        sb.AppendLine(commands.Count == 1 ? $"- command: `{commands[0]}`" : "- commands (their runs together make this report):");
        if (commands.Count > 1)
            foreach (var c in commands) sb.AppendLine($"  - `{c}`");
        sb.AppendLine($"- machine: {machine}");
        sb.AppendLine($"- started: {started.ToString("yyyy-MM-dd HH:mm", ci)} UTC; last update {updated.ToString("yyyy-MM-dd HH:mm", ci)} UTC; {runs} runs");
    }

    public static string Machine()
    {
        string cpu = "";
        try
        {
            if (File.Exists("/proc/cpuinfo"))
                cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "";
        }
        catch (IOException) { }
        return $"{Environment.ProcessorCount} cores{(cpu.Length > 0 ? $" ({cpu})" : "")}, no GPU, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}";
    }

    /// <summary>The budget in one sentence, as the reports state it.</summary>
    public static string Budget(BenchBudget b)
    {
        return FormattableString.Invariant(
            $"neural methods: {Epochs(b)}{(b.TimeLimit is { } t ? $" and {t.TotalSeconds:0} s of training each (checked after every epoch, so the last epoch may overrun it)" : ", no time limit")}, early stopping patience {(b.Patience > 0 ? b.Patience.ToString(CultureInfo.InvariantCulture) : "a fifth of the epochs (at least 3)")} on the seeded 10 % inner validation split (best weights restored); LightGBM: at most {b.BoostingRounds} rounds; seed {b.Seed}");
    }

    private static string Epochs(BenchBudget b) => b.Epochs > 0
        ? FormattableString.Invariant($"at most {b.Epochs} epochs")
        : FormattableString.Invariant($"epochs by data size (the library default: about {Training.TrainingOptions.StepBudget} optimizer steps of {Training.TrainingOptions.DefaultBatchSize} rows, {Training.TrainingOptions.MinAutoEpochs}–{Training.TrainingOptions.MaxAutoEpochs} epochs, the learning-rate schedule spanning them; DecoReg on a table of {Training.LargeTables.Rows}+ training rows: {Training.LargeTables.StepBudget} steps of {Training.LargeTables.BatchSize} rows, {Training.LargeTables.Members} members)");

    private static string Markdown(BenchRecord record,
        IReadOnlyList<(string Dataset, string Method, IReadOnlyDictionary<string, Summary> Metrics, int Failed)> summary)
    {
        var results = record.Runs;
        var sb = new StringBuilder();
        var ci = CultureInfo.InvariantCulture;
        AppendHeader(sb, record.Suite, record.Quick, record.Commands, Machine(), record.Started, DateTimeOffset.UtcNow, results.Count);
        sb.AppendLine($"- budget: {Budget(record.Budget)}");
        if (record.Suite == BenchSuites.UciSuite)
            sb.AppendLine("- splits: the standard published UCI train/test index files (split numbers under each data set)");
        else if (record.Suite == BenchSuites.TextSuite)
            sb.AppendLine($"- splits: Debian packages: the fixed files train.jsonl / test.jsonl (split by source package; {BenchSuites.DebianQuick}: their first {BenchSuites.QuickTrainRows} / {BenchSuites.QuickTestRows} rows); check_times: the tabular suite's split (seeded 80/20 shuffle, seed {BenchSuites.TabularSeed} + split number, `status` and `package` dropped)");
        else
            sb.AppendLine($"- splits: seeded 80/20 shuffle (Splits.TrainValid, test fraction {BenchSuites.TabularTestFraction}), seed {BenchSuites.TabularSeed} + split number (split 0: seed {BenchSuites.TabularSeed})");
        sb.AppendLine("- metrics: mean ± standard error over splits (s.e. = sample sd / √n; none with one split). RMSE of the predictive mean; NLL = mean −log p(y) per test point in target units (exact density: teacher-forced for DecoReg, closed form for Gaussian/MDN/LightGBM, p/bin width for the histogram); CRPS of the predictive distribution; coverage of the central 90 % interval; wall-clock seconds to train (incl. featurizing) and to predict + score the test set.");
        sb.AppendLine("- methods (fixed hyper-parameters, chosen before any run; only early stopping uses data, the inner validation split):");
        foreach (var m in Methods(record)) sb.AppendLine($"  - `{m}`: {BenchMethods.Descriptions[m]}");
        sb.AppendLine("- Gaussian, MDN and LightGBM predictions are discretized onto 2,048 equal bins over ±6σ of every component (exact CDF at the bin edges) for CRPS, mean and intervals; their NLL is the exact closed form.");
        if (record.Suite == BenchSuites.TextSuite) TextReport.AppendMetricsNote(sb);
        sb.AppendLine();

        if (record.Suite == BenchSuites.TextSuite)
        {
            TextReport.Append(sb, record, summary);
            sb.AppendLine($"![NLL and RMSE per data set]({record.Suite}.png)");
            return sb.ToString();
        }
        foreach (var dataset in summary.Select(s => s.Dataset).Distinct())
        {
            var rows = summary.Where(s => s.Dataset == dataset).ToArray();
            var any = results.First(r => r.Dataset == dataset);
            sb.AppendLine($"## {dataset}").AppendLine();
            var splitNumbers = results.Where(r => r.Dataset == dataset).Select(r => r.Split).Distinct().Order();
            sb.AppendLine($"{any.TrainRows} training rows (incl. the 10 % validation hold-out), {any.TestRows} test rows per split; splits {string.Join(", ", splitNumbers)}.").AppendLine();
            sb.AppendLine("| method | splits | RMSE | NLL | CRPS | 90 % coverage | train s | predict s |");
            sb.AppendLine("|---|---|---|---|---|---|---|---|");
            foreach (var (_, method, m, failed) in rows)
            {
                string splits = m["rmse"].Count.ToString(ci) + (failed > 0 ? $" (+{failed} failed)" : "");
                sb.AppendLine($"| {method} | {splits} | {m["rmse"].Format()} | {m["nll"].Format()} | {m["crps"].Format()} | {m["coverage90"].Format()} | {m["train_seconds"].Format(1)} | {m["predict_seconds"].Format(1)} |");
            }
            if (record.Suite == BenchSuites.UciSuite && PublishedResults.Uci.TryGetValue(dataset, out var published))
                foreach (var p in published)
                    sb.AppendLine(FormattableString.Invariant($"| *published: {p.Method}* | 20 | {p.Rmse:F2} | {p.Nll:F2} | — | — | — | — |"));
            sb.AppendLine();
            foreach (var group in results.Where(r => r.Dataset == dataset && r.Choice is not null).GroupBy(r => r.Method))
                sb.AppendLine($"- {group.Key} kept: " + string.Join("; ", group.GroupBy(r => r.Choice!).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => $"{g.Key} on split{(g.Count() > 1 ? "s" : "")} {string.Join(", ", g.Select(r => r.Split).Order())}")));
            foreach (var failure in results.Where(r => r.Dataset == dataset && r.Error is not null))
                sb.AppendLine($"- {failure.Method} split {failure.Split} failed: {failure.Error}");
        }
        AppendTargets(sb, summary);
        sb.AppendLine($"![NLL and RMSE per data set]({record.Suite}.png)");
        return sb.ToString();
    }

    /// <summary>The heads DecoReg's NLL is compared with (same training loop; on the transformer encoder and on DecoReg's MLP backbone).</summary>
    private static readonly string[] DensityHeads = ["gaussian", "histogram", "mdn", "gaussian-mlp", "histogram-mlp", "mdn-mlp"];

    /// <summary>The Gaussian heads a method's training seconds are divided by: on the transformer encoder, and on DecoReg's own backbone.</summary>
    private static readonly string[] ComputeReferences = ["gaussian", "gaussian-mlp"];

    /// <summary>
    /// Where each DecoReg method meets the benchmark's targets, per data set (means over splits): its training compute
    /// relative to each Gaussian head's that ran (train seconds; transformer encoder / MLP backbone), NLL below every
    /// density head's and LightGBM's, NLL below every other method's, RMSE within 5 % of the best density head's and
    /// within 10 % of LightGBM's.
    /// </summary>
    private static void AppendTargets(StringBuilder sb,
        IReadOnlyList<(string Dataset, string Method, IReadOnlyDictionary<string, Summary> Metrics, int Failed)> summary)
    {
        var datasets = summary.Select(s => s.Dataset).Distinct().ToArray();
        var decoreg = BenchMethods.Names.Where(m => m.StartsWith("decoreg", StringComparison.Ordinal) && summary.Any(s => s.Method == m)).ToArray();
        if (decoreg.Length == 0 || datasets.Length == 0) return;
        double Mean(string dataset, string method, string metric) =>
            summary.Where(s => s.Dataset == dataset && s.Method == method).Select(s => s.Metrics[metric].Mean).DefaultIfEmpty(double.NaN).First();
        sb.AppendLine("## Targets").AppendLine();
        var references = ComputeReferences.Where(h => summary.Any(s => s.Method == h)).ToArray();
        string referenceNames = string.Join(" / ", references.DefaultIfEmpty("gaussian"));
        sb.AppendLine("Per data set (means over the splits above): the method's training seconds relative to the Gaussian head's " +
            $"({referenceNames}); is its " +
            "NLL below that of every density head run there (Gaussian, histogram, MDN; on the transformer encoder and, the -mlp heads, on DecoReg's MLP backbone) and LightGBM, and below every other method run there; " +
            "is its RMSE within 5 % of the best density head's and within 10 % of LightGBM's?").AppendLine();
        sb.AppendLine($"| method | compute / {referenceNames} | NLL below every head and LightGBM | NLL below every other method | RMSE within 5 % of the best head | RMSE within 10 % of LightGBM |");
        sb.AppendLine("|---|---|---|---|---|---|");
        foreach (var method in decoreg)
        {
            List<string> belowHeadsAndLightGbm = [], belowAll = [], nearBestHead = [], nearLightGbm = [], ratios = [];
            int scored = 0;
            foreach (var d in datasets)
            {
                double nll = Mean(d, method, "nll"), rmse = Mean(d, method, "rmse");
                if (!double.IsFinite(nll)) continue;
                scored++;
                var perReference = references.Select(h => Mean(d, h, "train_seconds")).Where(t => double.IsFinite(t) && t > 0)
                    .Select(t => FormattableString.Invariant($"{Mean(d, method, "train_seconds") / t:F1}×")).ToArray();
                if (perReference.Length > 0) ratios.Add($"{d} {string.Join(" / ", perReference)}");
                var headNll = DensityHeads.Select(h => Mean(d, h, "nll")).Where(double.IsFinite).ToArray();
                double lightGbmNll = Mean(d, "lightgbm", "nll"), lightGbmRmse = Mean(d, "lightgbm", "rmse");
                if (headNll.Length > 0 && double.IsFinite(lightGbmNll) && nll < Math.Min(headNll.Min(), lightGbmNll)) belowHeadsAndLightGbm.Add(d);
                var others = summary.Where(s => s.Dataset == d && s.Method != method).Select(s => s.Metrics["nll"].Mean).Where(double.IsFinite).ToArray();
                if (others.Length > 0 && nll < others.Min()) belowAll.Add(d);
                var headRmse = DensityHeads.Select(h => Mean(d, h, "rmse")).Where(double.IsFinite).ToArray();
                if (headRmse.Length > 0 && rmse <= 1.05 * headRmse.Min()) nearBestHead.Add(d);
                if (double.IsFinite(lightGbmRmse) && rmse <= 1.10 * lightGbmRmse) nearLightGbm.Add(d);
            }
            string Count(List<string> l) => $"{l.Count} of {scored}" + (l.Count == 0 ? "" : ": " + string.Join(", ", l));
            sb.AppendLine($"| {method} | {(ratios.Count == 0 ? "—" : string.Join(", ", ratios))} | {Count(belowHeadsAndLightGbm)} | {Count(belowAll)} | {Count(nearBestHead)} | {Count(nearLightGbm)} |");
        }
        sb.AppendLine();
    }

    private static JsonNode? Number(double? v) => v is { } x && double.IsFinite(x) ? JsonValue.Create(x) : null;

    private static string Json(BenchRecord record,
        IReadOnlyList<(string Dataset, string Method, IReadOnlyDictionary<string, Summary> Metrics, int Failed)> summary)
    {
        var b = record.Budget;
        var results = record.Runs;
        var root = new JsonObject
        {
            ["suite"] = record.Suite,
            ["quick"] = record.Quick,
            ["commands"] = new JsonArray(record.Commands.Select(c => (JsonNode)JsonValue.Create(c)!).ToArray()),
            ["machine"] = Machine(),
            ["cores"] = Environment.ProcessorCount,
            ["started_utc"] = record.Started.ToString("O", CultureInfo.InvariantCulture),
            ["updated_utc"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["budget"] = new JsonObject
            {
                ["epochs"] = b.Epochs, ["time_limit_seconds"] = b.TimeLimit?.TotalSeconds, ["patience"] = b.Patience,
                ["boosting_rounds"] = b.BoostingRounds, ["seed"] = b.Seed, ["validation_fraction"] = 0.1,
            },
            ["split_seed"] = record.Suite != BenchSuites.UciSuite ? BenchSuites.TabularSeed : null,
            ["methods"] = new JsonObject(Methods(record).Select(m => KeyValuePair.Create(m, (JsonNode?)BenchMethods.Descriptions[m]))),
            ["summary"] = new JsonArray(summary.Select(s => (JsonNode)new JsonObject
            {
                ["dataset"] = s.Dataset,
                ["method"] = s.Method,
                ["failed"] = s.Failed,
                ["metrics"] = new JsonObject(s.Metrics.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)new JsonObject
                {
                    ["mean"] = Number(kv.Value.Mean), ["stderr"] = Number(kv.Value.StdErr), ["n"] = kv.Value.Count,
                }))),
            }).ToArray()),
            ["runs"] = new JsonArray(results.Select(r => (JsonNode)new JsonObject
            {
                ["dataset"] = r.Dataset, ["split"] = r.Split, ["method"] = r.Method,
                ["train_rows"] = r.TrainRows, ["test_rows"] = r.TestRows,
                ["rmse"] = Number(r.Rmse), ["nll"] = Number(r.Nll), ["crps"] = Number(r.Crps), ["coverage90"] = Number(r.Coverage90),
                ["train_seconds"] = r.TrainSeconds, ["predict_seconds"] = r.PredictSeconds,
                ["epochs"] = r.Epochs, ["stop_reason"] = r.StopReason, ["error"] = r.Error, ["choice"] = r.Choice,
                ["spearman"] = Number(r.Spearman), ["kendall_tau"] = Number(r.Kendall), ["r2_log"] = Number(r.R2Log), ["rmse_log"] = Number(r.RmseLog),
                ["predict_rows_per_second"] = Number(r.PredictRowsPerSecond),
                ["train_examples_per_second"] = Number(r.TrainExamplesPerSecond), ["input_tokens"] = Number(r.InputTokens),
                ["train_flops_per_example"] = Number(r.TrainFlopsPerExample), ["matmul_peak_gflops"] = Number(r.MatmulPeakGflops),
            }).ToArray()),
        };
        if (record.Suite == BenchSuites.TextSuite)
            root["reference"] = JsonSerializer.SerializeToNode(PublishedResults.RegressLm);
        if (record.Suite == BenchSuites.UciSuite)
            root["published"] = new JsonObject(PublishedResults.Uci.Select(kv => KeyValuePair.Create(kv.Key,
                (JsonNode?)new JsonArray(kv.Value.Select(p => (JsonNode)new JsonObject { ["method"] = p.Method, ["rmse"] = p.Rmse, ["nll"] = p.Nll }).ToArray()))));
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Two panels: NLL (target units), and RMSE relative to the best method on each data set; s.e. bars.</summary>
    private static void Plot(BenchRecord record,
        IReadOnlyList<(string Dataset, string Method, IReadOnlyDictionary<string, Summary> Metrics, int Failed)> summary, string path)
    {
        var datasets = summary.Select(s => s.Dataset).Distinct().ToArray();
        var methods = Methods(record);
        var palette = new ScottPlot.Palettes.Category10();
        var multiplot = new Multiplot();
        multiplot.AddPlots(2);
        for (int panel = 0; panel < 2; panel++)
        {
            var plot = multiplot.GetPlot(panel);
            var bars = new List<Bar>();
            double groupWidth = 0.8, barWidth = groupWidth / methods.Length;
            for (int d = 0; d < datasets.Length; d++)
            {
                var rows = summary.Where(s => s.Dataset == datasets[d]).ToArray();
                double bestRmse = rows.Select(s => s.Metrics["rmse"].Mean).Where(double.IsFinite).DefaultIfEmpty(1).Min();
                for (int m = 0; m < methods.Length; m++)
                {
                    var row = rows.FirstOrDefault(s => s.Method == methods[m]);
                    if (row.Metrics is null) continue;
                    var s = row.Metrics[panel == 0 ? "nll" : "rmse"];
                    double scale = panel == 0 ? 1 : 1 / (bestRmse > 0 ? bestRmse : 1);
                    if (!double.IsFinite(s.Mean)) continue;
                    bars.Add(new Bar
                    {
                        Position = d - groupWidth / 2 + barWidth * (m + 0.5),
                        Value = s.Mean * scale,
                        Error = double.IsFinite(s.StdErr) ? s.StdErr * scale : 0,
                        Size = barWidth * 0.9,
                        FillColor = palette.GetColor(m),
                    });
                }
            }
            plot.Add.Bars(bars);
            plot.Axes.Bottom.SetTicks(Enumerable.Range(0, datasets.Length).Select(i => (double)i).ToArray(), datasets);
            plot.Axes.Left.Label.Text = panel == 0 ? "NLL per test point (lower is better)" : "RMSE / best RMSE on the data set";
            plot.Title(panel == 0
                ? $"{record.Suite}: negative log-likelihood (mean ± s.e. over splits)"
                : $"{record.Suite}: RMSE relative to the best method (1 = best)");
            for (int m = 0; m < methods.Length; m++)
                plot.Legend.ManualItems.Add(new LegendItem { LabelText = methods[m], FillColor = palette.GetColor(m) });
            plot.ShowLegend(Alignment.UpperRight);
        }
        multiplot.SavePng(path, Math.Max(900, 160 * datasets.Length * Math.Max(1, methods.Length) / 3), 900);
    }
}
