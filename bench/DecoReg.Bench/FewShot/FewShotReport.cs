using System.Globalization;
using System.Text;
using DecoReg.Persistence;

namespace DecoReg.Bench.FewShot;

/// <summary>
/// Writes <c>fewshot.md</c> (commands, machine, plan, pretrainings, one table per held-out task, the targets judged from
/// the recorded runs) and <c>fewshot.png</c> (<see cref="FewShotPlot"/>), each replaced atomically.
/// </summary>
public static class FewShotReport
{
    /// <summary>Issue 12's targets: the Spearman gap to the all-rows model at the decoder size, and the fine-tuning time there.</summary>
    public const double SpearmanGap = 0.05;
    public const double FineTuneSeconds = 60;

    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    public static void Write(FewShotRecord record, string outDir)
    {
        ArgumentNullException.ThrowIfNull(record);
        var tasks = FewShotTaskRuns.Of(record);
        string stem = Path.Combine(outDir, FewShotStore.Stem);
        AtomicFile.Write(stem + ".md", path => File.WriteAllText(path, Markdown(record, tasks)), what: "few-shot report");
        if (tasks.Count > 0) AtomicFile.Write(stem + ".png", path => FewShotPlot.Save(tasks, path), what: "few-shot plot");
    }

    private static string F(double v, int decimals = 3) => double.IsFinite(v) ? v.ToString("F" + decimals, Ci) : "—";

    private static string Markdown(FewShotRecord record, IReadOnlyList<FewShotTaskRuns> tasks)
    {
        var sb = new StringBuilder();
        BenchReport.AppendHeader(sb, "fewshot", record.Quick, record.Commands, record.Machine, record.Started, record.Updated, record.Runs.Count);
        AppendPlan(sb, record);
        sb.AppendLine();
        foreach (var t in tasks) AppendTask(sb, t);
        AppendTargets(sb, tasks);
        if (tasks.Count > 0) sb.AppendLine($"![Spearman ρ and NLL against n, pretrained vs scratch]({FewShotStore.Stem}.png)");
        return sb.ToString();
    }

    private static void AppendPlan(StringBuilder sb, FewShotRecord record)
    {
        bool quick = record.Quick;
        var fineTune = FewShotPlan.FineTune(0, quick).Training;
        var scratch = FewShotPlan.Scratch(0, quick);
        sb.AppendLine("- plan: per data set, one model pretrained on every task (value of the task column) except the held-out ones; for each held-out task, seed s and sample size n ≤ the task's training rows, " +
            $"the sample is the first n rows of `Splits.Shuffle(task's training rows, {FewShotPlan.SampleSeed} + s)`; the pretrained model is fine-tuned on it (`pretrained`) and a model is trained from scratch on it (`scratch`); both are scored on the task's test rows. " +
            $"Seed 0 only: fine-tuning of the decoder alone at n = {FewShotPlan.DecoderSize} (`pretrained-decoder`) and the references on all of the task's training rows (`pretrained-all`, `scratch-all`).");
        foreach (var name in FewShotPlan.Datasets)
        {
            var source = FewShotPlan.Source(name, quick);
            var pre = source.Pretraining;
            sb.Append($"  - {name}: task column `{source.TaskColumn}`, {source.Mode.ToString().ToLowerInvariant()} inputs, held out: {string.Join(", ", source.HeldOut)}; pretraining at most {pre.Epochs} epochs, patience {pre.Patience}, seed {pre.Seed}, {(source.BackboneReason is { } why ? $"backbone: {why}; " : "")}other options the library defaults");
            var done = record.Pretrainings.FirstOrDefault(p => p.Dataset == name);
            sb.AppendLine(done is null ? "." : FormattableString.Invariant(
                $"; pretrained on {done.Rows} rows of {done.Tasks} tasks in {done.Seconds:F0} s ({done.Epochs} epochs); {done.DroppedRows} rows of {done.DroppedTasks.Count} tasks with fewer than {Data.Tasks.MinRows} training rows left out{(done.DroppedTasks.Count > 0 ? $" ({string.Join(", ", done.DroppedTasks)})" : "")}."));
        }
        if (quick) sb.AppendLine($"  - quick: held out {FewShotPlan.QuickTask} only; pretraining on the first {FewShotPlan.QuickPretrainRows} training rows of the {FewShotPlan.QuickPretrainTasks} largest other sections; every training at most {FewShotPlan.QuickEpochs} epochs.");
        sb.AppendLine(FormattableString.Invariant(
            $"- fine-tuning (`FineTuneOptions` defaults): learning rate {fineTune.LearningRate} (the n-gram bag's table {fineTune.TableLearningRateScale}× that), batch {fineTune.BatchSize}, at most {fineTune.Epochs} epochs, patience {fineTune.Patience}, {fineTune.ValidationFraction:P0} of the sample held out for early stopping, seed s; every weight (`pretrained`) or the decoder only (`pretrained-decoder`){(FewShotPlan.FineTune(0, quick).CalibrateTemperature ? "; then a softmax temperature fitted on the hold-out (`CalibrateTemperature`: the widest grid value within one standard error of the best)" : "; no temperature fitted")}."));
        sb.AppendLine(FormattableString.Invariant(
            $"- scratch: the same inputs without a task column, learning rate {scratch.LearningRate}, batch {scratch.BatchSize}, at most {scratch.Epochs} epochs, patience {scratch.Patience}, {scratch.ValidationFraction:P0} held out, seed s."));
        sb.AppendLine($"- seeds: {string.Join(", ", record.Runs.Select(r => r.Seed).Distinct().Order())}; sizes: {string.Join(", ", record.Runs.Where(r => r.Variant == FewShotRun.Pretrained).Select(r => r.Size).Distinct().Order())}.");
        sb.AppendLine("- metrics on the task's test rows: Spearman ρ of the predictive median; NLL = mean −log p(y) in target units; R² of log10(1 + y) predicted by the median (`LogScaleMetrics`); coverage of the central 90 % interval; wall-clock seconds of the training or fine-tuning (incl. featurizing, excl. scoring). " +
            "Cells: mean over seeds (min–max).");
    }

    private static void AppendTask(StringBuilder sb, FewShotTaskRuns t)
    {
        var any = t.Runs[0];
        var all = t.Of(FewShotRun.ScratchAll).Concat(t.Of(FewShotRun.PretrainedAll)).FirstOrDefault();
        sb.AppendLine($"## {t.Dataset}: {t.Task}").AppendLine();
        sb.AppendLine($"{(all is null ? "" : $"{all.Size} training rows, ")}{any.TestRows} test rows.").AppendLine();
        sb.AppendLine("| n | seeds | pretrained ρ | scratch ρ | pretrained NLL | scratch NLL | R² log pretrained | R² log scratch | cov90 pretrained / scratch | fine-tune s | scratch s |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (int n in t.Sizes)
            AppendRow(sb, n.ToString(Ci), t, FewShotRun.Pretrained, FewShotRun.Scratch, n);
        if (t.Of(FewShotRun.PretrainedAll).Length + t.Of(FewShotRun.ScratchAll).Length > 0)
            AppendRow(sb, $"all ({all!.Size})", t, FewShotRun.PretrainedAll, FewShotRun.ScratchAll, null);
        sb.AppendLine();
        foreach (var d in t.Of(FewShotRun.PretrainedDecoder))
        {
            var full = t.Of(FewShotRun.Pretrained, d.Size).FirstOrDefault(r => r.Seed == d.Seed);
            sb.AppendLine(FormattableString.Invariant(
                $"Decoder-only fine-tuning at n = {d.Size} (seed {d.Seed}): ρ {F(d.Spearman)}, NLL {F(d.Nll)}, R² log {F(d.R2Log)}, {F(d.TrainSeconds, 1)} s ({d.Epochs} epochs)") +
                (full is null ? "." : FormattableString.Invariant($"; full fine-tuning, same sample and seed: ρ {F(full.Spearman)}, NLL {F(full.Nll)}, R² log {F(full.R2Log)}, {F(full.TrainSeconds, 1)} s ({full.Epochs} epochs).")));
            sb.AppendLine();
        }
        foreach (var failure in t.Failures)
            sb.AppendLine($"- {failure.Variant} n={failure.Size} seed {failure.Seed} failed: {failure.Error}");
        if (t.Failures.Any()) sb.AppendLine();
    }

    private static void AppendRow(StringBuilder sb, string label, FewShotTaskRuns t, string pretrained, string scratch, int? n)
    {
        SeedSpread P(Func<FewShotRun, double> m) => t.Spread(pretrained, n, m);
        SeedSpread S(Func<FewShotRun, double> m) => t.Spread(scratch, n, m);
        int seeds = Math.Max(t.Of(pretrained, n).Length, t.Of(scratch, n).Length);
        sb.AppendLine($"| {label} | {seeds} | {P(r => r.Spearman).Format()} | {S(r => r.Spearman).Format()} | {P(r => r.Nll).Format()} | {S(r => r.Nll).Format()} | " +
            $"{P(r => r.R2Log).Format()} | {S(r => r.R2Log).Format()} | {F(P(r => r.Coverage90).Mean, 2)} / {F(S(r => r.Coverage90).Mean, 2)} | {P(r => r.TrainSeconds).Format(1)} | {S(r => r.TrainSeconds).Format(1)} |");
    }

    private static string Verdict(bool? met) => met switch { true => "**met**", false => "**not met**", null => "not run" };

    /// <summary>Issue 12's targets, judged from the recorded runs (means over seeds).</summary>
    private static void AppendTargets(StringBuilder sb, IReadOnlyList<FewShotTaskRuns> tasks)
    {
        sb.AppendLine("## Targets").AppendLine();
        sb.AppendLine("Issue 12's targets, judged from the runs above (means over seeds; never from fixed numbers).").AppendLine();
        sb.AppendLine($"1. Pretrained beats scratch on Spearman ρ (higher) and NLL (lower) at every n ≤ {FewShotPlan.DecoderSize} on every held-out task:");
        var verdicts = new List<bool>();
        foreach (var t in tasks)
        {
            var sizes = t.Sizes.Where(n => n <= FewShotPlan.DecoderSize).ToArray();
            var lost = new List<string>();
            int judged = 0;
            foreach (int n in sizes)
            {
                double pr = t.Spread(FewShotRun.Pretrained, n, r => r.Spearman).Mean, sr = t.Spread(FewShotRun.Scratch, n, r => r.Spearman).Mean;
                double pn = t.Spread(FewShotRun.Pretrained, n, r => r.Nll).Mean, sn = t.Spread(FewShotRun.Scratch, n, r => r.Nll).Mean;
                if (!(double.IsFinite(pr) && double.IsFinite(sr) && double.IsFinite(pn) && double.IsFinite(sn))) continue;
                judged++;
                if (!(pr > sr)) lost.Add($"ρ at n = {n} ({F(pr)} vs {F(sr)})");
                if (!(pn < sn)) lost.Add($"NLL at n = {n} ({F(pn)} vs {F(sn)})");
            }
            bool? met = judged == 0 ? null : lost.Count == 0;
            if (met is { } m) verdicts.Add(m);
            sb.AppendLine($"   - {t.Dataset} {t.Task}: {Verdict(met)} ({judged} sizes judged{(lost.Count > 0 ? "; not beaten: " + string.Join(", ", lost) : "")})");
        }
        sb.AppendLine($"   - overall: {Verdict(verdicts.Count == 0 ? null : verdicts.All(v => v))}");
        sb.AppendLine($"2. At n = {FewShotPlan.DecoderSize} the fine-tuned model is within {SpearmanGap:F2} Spearman of a model trained on all of the task's rows (judged against the better of the two all-rows models):");
        verdicts.Clear();
        foreach (var t in tasks)
        {
            double ft = t.Spread(FewShotRun.Pretrained, FewShotPlan.DecoderSize, r => r.Spearman).Mean;
            double scratchAll = t.Spread(FewShotRun.ScratchAll, null, r => r.Spearman).Mean, fineAll = t.Spread(FewShotRun.PretrainedAll, null, r => r.Spearman).Mean;
            double best = new[] { scratchAll, fineAll }.Where(double.IsFinite).DefaultIfEmpty(double.NaN).Max();
            bool? met = double.IsFinite(ft) && double.IsFinite(best) ? ft >= best - SpearmanGap : null;
            if (met is { } m) verdicts.Add(m);
            sb.AppendLine($"   - {t.Dataset} {t.Task}: {Verdict(met)} (ρ {F(ft)} at n = {FewShotPlan.DecoderSize}; all rows: scratch {F(scratchAll)}, fine-tuned {F(fineAll)}; gap to the better {F(best - ft)})");
        }
        sb.AppendLine($"   - overall: {Verdict(verdicts.Count == 0 ? null : verdicts.All(v => v))}");
        sb.AppendLine($"3. One fine-tuning at n = {FewShotPlan.DecoderSize} takes ≤ {FineTuneSeconds:F0} s on this machine (every seed's run):");
        verdicts.Clear();
        foreach (var t in tasks)
        {
            var s = t.Spread(FewShotRun.Pretrained, FewShotPlan.DecoderSize, r => r.TrainSeconds);
            bool? met = s.Count == 0 ? null : s.Max <= FineTuneSeconds;
            if (met is { } m) verdicts.Add(m);
            sb.AppendLine($"   - {t.Dataset} {t.Task}: {Verdict(met)} ({s.Format(1)} s)");
        }
        sb.AppendLine($"   - overall: {Verdict(verdicts.Count == 0 ? null : verdicts.All(v => v))}");
        sb.AppendLine();
    }
}
