using DecoReg.Data;
using DecoReg.Inputs;
using DecoReg.Training;

namespace DecoReg.Bench.FewShot;

/// <summary>One planned run: a variant trained on <see cref="Size"/> rows of a held-out task with one seed.</summary>
public sealed record FewShotStep(string Task, string Variant, int Size, int Seed);

/// <summary>
/// The few-shot suite (issue 12's evidence): per data set, a model pretrained on every task but the held-out ones, then
/// for each held-out task, seed and sample size the pretrained model fine-tuned on the first n rows of a seeded shuffle
/// of the task's training rows against a model trained from scratch on the same rows; references on all of the task's
/// training rows, and decoder-only fine-tuning once per task. Options are fixed here, before any run.
/// </summary>
public static class FewShotPlan
{
    public const string Debian = "debian-packages";
    public const string StackOverflow = "stackoverflow";

    /// <summary>The sample sizes of a full run.</summary>
    public static IReadOnlyList<int> DefaultSizes { get; } = [32, 64, 128, 256, 512];

    /// <summary>The data sets of a full run, in run order.</summary>
    public static IReadOnlyList<string> Datasets { get; } = [Debian, StackOverflow];

    /// <summary>The sample size of the decoder-only comparison (or the largest planned size below it).</summary>
    public const int DecoderSize = 256;

    /// <summary>Samples are the first n rows of <see cref="Splits.Shuffle"/> with this seed + the run's seed.</summary>
    public const int SampleSeed = 1000;

    /// <summary>Quick mode: held-out task, pretraining rows, pretraining sections, and epochs of every training.</summary>
    public const string QuickTask = "rust";
    public const int QuickPretrainRows = 600;
    public const int QuickPretrainTasks = 3;
    public const int QuickEpochs = 2;

    /// <summary>
    /// Why the Debian runs read text through the n-gram bag with the MLP backbone rather than the library's text default
    /// (the transformer). The measurements behind it live in bench/README.md ("Few-shot"), not here, so the report
    /// never prints figures no run of it produced.
    /// </summary>
    public const string DebianBackboneReason =
        "the MLP over the record's n-gram bag (`--backbone mlp`) rather than the library's text default (the transformer over tokens with the same bag): " +
        "measured before this run on doc and rust at n = 256, fine-tuned transformers lost to scratch, fine-tuned MLPs mostly won and fine-tuned in about half the time (figures in bench/README.md, \"Few-shot\")";

    /// <summary>A data set's source; unknown names are user errors.</summary>
    public static FewShotSource Source(string name, bool quick) => name switch
    {
        Debian => new FewShotSource(Debian, "section", quick ? [QuickTask] : ["doc", "python", "rust", "science"], InputMode.Text,
            new TrainingOptions { Epochs = quick ? QuickEpochs : 8, Patience = 3, Seed = 0 },
            root => BenchSuites.Resolve(BenchSuites.TextSuite, root, [Debian])[0].LoadSplit(0))
        {
            Backbone = Model.BackboneKind.Mlp,
            BackboneReason = DebianBackboneReason,
        },
        StackOverflow => new FewShotSource(StackOverflow, "Country", ["India", "Canada"], InputMode.Table,
            new TrainingOptions { Epochs = quick ? QuickEpochs : 100, Patience = 15, Seed = 0 },
            root => BenchSuites.Resolve(BenchSuites.TabularSuite, root, [StackOverflow])[0].LoadSplit(0)),
        _ => throw new DecoRegException($"suite 'fewshot' has no data set '{name}'; expected some of: {string.Join(", ", Datasets)}"),
    };

    /// <summary>Training from scratch: a small set needs more epochs and patience than the table defaults give it.</summary>
    public static TrainingOptions Scratch(int seed, bool quick) => new()
    {
        Epochs = quick ? QuickEpochs : 60,
        Patience = 10,
        LearningRate = 1e-3,
        BatchSize = 32,
        ValidationFraction = 0.2,
        Seed = seed,
    };

    /// <summary>Fine-tuning: the library's defaults (<see cref="FineTuneOptions"/>) with the run's seed.</summary>
    public static FineTuneOptions FineTune(int seed, bool quick, FineTuneScope scope = FineTuneScope.All)
    {
        var defaults = new FineTuneOptions();
        var training = defaults.Training with { Seed = seed };
        if (quick) training = training with { Epochs = QuickEpochs };
        return defaults with { Training = training, Scope = scope };
    }

    /// <summary>The first <paramref name="size"/> rows of the seeded shuffle of a task's training rows.</summary>
    public static Dataset Sample(Dataset taskRows, int size, int seed)
    {
        ArgumentNullException.ThrowIfNull(taskRows);
        if (size >= taskRows.RowCount) return taskRows;
        return taskRows.Subset(Splits.Shuffle(taskRows.RowCount, SampleSeed + seed).Take(size).ToArray(), $"{size} rows, seed {seed}");
    }

    /// <summary>
    /// The pretraining rows: every training row whose task is not held out and whose task has at least
    /// <see cref="Tasks.MinRows"/> rows (quick: the first <see cref="QuickPretrainRows"/> rows of the
    /// <see cref="QuickPretrainTasks"/> largest such tasks), with the tasks and rows left out for being too small.
    /// </summary>
    public static (Dataset Rows, IReadOnlyList<string> DroppedTasks, int DroppedRows) PretrainingRows(FewShotSource source, Dataset train, bool quick)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(train);
        var tasks = Tasks.Of(train.Features, source.TaskColumn);
        var counts = tasks.Where(t => !source.HeldOut.Contains(t)).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        var small = counts.Where(kv => kv.Value < Tasks.MinRows).Select(kv => kv.Key).Order(StringComparer.Ordinal).ToArray();
        var kept = counts.Keys.Except(small).ToHashSet();
        if (quick) kept = counts.Where(kv => kv.Value >= Tasks.MinRows).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(QuickPretrainTasks).Select(kv => kv.Key).ToHashSet();
        var rows = Enumerable.Range(0, train.RowCount).Where(i => kept.Contains(tasks[i]));
        if (quick) rows = rows.Take(QuickPretrainRows);
        var subset = train.Subset(rows.ToArray(), "pretraining tasks");
        return (subset, small, small.Sum(t => counts[t]));
    }

    /// <summary>
    /// Every run of a data set, seeds outermost (all of seed 0, with the references, before seed 1: a partial run
    /// still covers every task): per task and size ≤ the task's training rows, fine-tuned then scratch; with seed 0
    /// also the decoder-only fine-tuning and both all-rows references.
    /// </summary>
    public static IReadOnlyList<FewShotStep> Steps(IReadOnlyList<(string Task, int Rows)> taskTrainRows, int seeds, IReadOnlyList<int> sizes)
    {
        ArgumentNullException.ThrowIfNull(taskTrainRows);
        ArgumentNullException.ThrowIfNull(sizes);
        var steps = new List<FewShotStep>();
        for (int seed = 0; seed < seeds; seed++)
            foreach (var (task, rows) in taskTrainRows)
            {
                var fitting = sizes.Where(n => n <= rows).Order().ToArray();
                foreach (int n in fitting)
                {
                    steps.Add(new FewShotStep(task, FewShotRun.Pretrained, n, seed));
                    steps.Add(new FewShotStep(task, FewShotRun.Scratch, n, seed));
                }
                if (seed != 0) continue;
                var decoder = fitting.Where(n => n <= DecoderSize).DefaultIfEmpty(0).Max();
                if (decoder > 0) steps.Add(new FewShotStep(task, FewShotRun.PretrainedDecoder, decoder, 0));
                steps.Add(new FewShotStep(task, FewShotRun.PretrainedAll, rows, 0));
                steps.Add(new FewShotStep(task, FewShotRun.ScratchAll, rows, 0));
            }
        return steps;
    }
}
