using DecoReg.Baselines;
using DecoReg.Inference;
using DecoReg.Inputs;
using DecoReg.Numbers;
using DecoReg.Training;
using BackboneKind = DecoReg.Model.BackboneKind;

namespace DecoReg.Bench;

/// <summary>
/// The compared methods and their fixed hyper-parameters (chosen before any run, never tuned on test splits; the
/// only data-driven choices are early stopping on the seeded inner validation split — 10 % of the training rows,
/// the same rows for every method). All neural methods use the default <see cref="Model.TransformerOptions"/>
/// (d_model 64, 4 heads, 2 encoder layers, FF 256, dropout 0.2) and default <see cref="TrainingOptions"/> (AdamW
/// lr 1e-3, batch 64, weight decay 0.01, warm-up + cosine, clip 1.0) with the budget's epochs, patience and time limit;
/// the gaussian, histogram and mdn heads read the column-token transformer (decoreg-transformer is DecoReg on that
/// encoder), the -mlp heads DecoReg's default backbone (TabM-style MLP with its members).
/// </summary>
public static class BenchMethods
{
    /// <summary>Networks in the <c>decoreg-ensemble</c> method.</summary>
    public const int EnsembleSize = 5;

    /// <summary>Networks in the <c>decoreg-text-ensemble</c> method (each a full text training).</summary>
    public const int TextEnsembleSize = 3;

    /// <summary>Where the text methods run (declared before <see cref="All"/>: static fields initialize in order).</summary>
    private static readonly string[] TextSuite = [BenchSuites.TextSuite];

    /// <summary>Every method, in report order: the one table a new method is added to.</summary>
    public static IReadOnlyList<BenchMethod> All { get; } =
    [
        new("decoreg-normalized", 1,
            $"DecoReg defaults: TabM-style MLP backbone (embedded columns flattened, 2 blocks of 256 units, 4 memory tokens) with {Model.TransformerOptions.DefaultMlpMembers} members trained together (per-member input scales; below {DecoReg.Training.LargeTables.Rows:N0} training rows each training step reads a row with half of them, drawn at random; from {DecoReg.Training.LargeTables.Rows:N0} training rows {DecoReg.Training.LargeTables.Members} members, {DecoReg.Training.LargeTables.BatchSize}-row batches, ~{DecoReg.Training.LargeTables.StepBudget:N0} steps), one decoder layer, the mixture of the members' distributions; normalized codec base 10, 2 digits (100 bins over the scaled range widened 10 %; 3 digits, 1,000 bins, from {DecoReg.Training.DefaultCodec.FineRows:N0} training rows), exact decoding to 0.999 mass; target scaling by data: below {DecoReg.Training.LargeTables.Rows:N0} training rows chosen on the hold-out as in decoreg-select, the quantile warp above",
            (train, budget, _) => DecodingRegressorBaseline.Train("decoreg-normalized", train, null,
                new RegressorOptions { Training = Training(budget) })),
        new("decoreg-transformer", 1,
            "DecoReg as it was before the MLP backbone: one token per column, 2 transformer encoder layers, 2 decoder layers, one member; codec and decoding as decoreg-normalized (the encoder the heads below share)",
            (train, budget, _) => DecodingRegressorBaseline.Train("decoreg-transformer", train, null,
                new RegressorOptions { Network = new Model.TransformerOptions { Backbone = Model.BackboneKind.Transformer }, Training = Training(budget) })),
        new("decoreg-ieee", 1,
            "DecoReg, IEEE codec base 10, 1 exponent + 4 mantissa digits (exponent range fitted to training targets), raw targets; mean, quantiles and intervals from 1,024 prefix-sharing samples per row (NLL exact, teacher-forced)",
            (train, budget, _) => DecodingRegressorBaseline.Train("decoreg-ieee", train, null,
                new RegressorOptions { Codec = new IeeeCodecOptions(10, 1, 4), Training = Training(budget) }, IeeePrediction)),
        new("decoreg-select", 2,
            "decoreg-normalized with the target scaling chosen per split on the inner hold-out: trained with min-max and with the quantile warp (bins follow a 50/50 blend of the training targets' empirical CDF and min-max), each trains a quarter of its epochs, the one with the lower hold-out NLL then trains on (about 1.25× the compute; the only choice made on data besides early stopping)",
            (train, budget, _) => DecodingRegressorBaseline.Train("decoreg-select", train, null,
                new RegressorOptions { SelectScaling = true, Training = Training(budget) })),
        new("decoreg-ensemble", EnsembleSize,
            $"decoreg-normalized ×{EnsembleSize} with min-max scaling (no scaling selection; decoreg-select-ensemble selects): an ensemble of {EnsembleSize} networks (seeds 0–{EnsembleSize - 1}, same rows and hold-out, each with the full per-training budget, so {EnsembleSize}× the compute of the other methods); the equal-weight mixture of their distributions",
            (train, budget, _) => DecodingRegressorBaseline.Train("decoreg-ensemble", train, null,
                new RegressorOptions { SelectScaling = false, EnsembleSize = EnsembleSize, Training = Training(budget) })),
        new("decoreg-select-ensemble", EnsembleSize + 1,
            $"decoreg-select ×{EnsembleSize}: the scaling is chosen as in decoreg-select, the kept network is the first of {EnsembleSize} and the other {EnsembleSize - 1} are trained with its scaling (seeds 1–{EnsembleSize - 1}); {EnsembleSize + 1}× the compute",
            (train, budget, _) => DecodingRegressorBaseline.Train("decoreg-select-ensemble", train, null,
                new RegressorOptions { SelectScaling = true, EnsembleSize = EnsembleSize, Training = Training(budget) })),
        new("gaussian", 1,
            "decoreg-transformer's encoder, mean-pooled → MLP → (mean, log-variance), Gaussian NLL; standardized target",
            (train, budget, _) => GaussianBaseline.Train(train, null, Baseline(budget))),
        new("histogram", 1,
            $"decoreg-transformer's encoder, mean-pooled → MLP → softmax over {HistogramBaseline.DefaultBins} equal bins of the training range widened 10 %, cross-entropy",
            (train, budget, _) => HistogramBaseline.Train(train, null, Baseline(budget))),
        new("mdn", 1,
            $"decoreg-transformer's encoder, mean-pooled → MLP → mixture of {MixtureDensityBaseline.DefaultComponents} Gaussians, mixture NLL; standardized target",
            (train, budget, _) => MixtureDensityBaseline.Train(train, null, Baseline(budget))),
        new("gaussian-mlp", 1,
            "decoreg-normalized's backbone (TabM-style MLP with its members and, from 5,000 training rows, its large-table recipe: 4 members, 128-row batches, ~5,000 steps), every member's memory tokens mean-pooled → MLP → (mean, log-variance), each member trained on every row with the Gaussian NLL; the prediction and likelihood are the equal-weight mixture of the members' Gaussians; standardized target",
            (train, budget, _) => GaussianBaseline.Train(train, null, Baseline(budget, BackboneKind.Mlp))),
        new("histogram-mlp", 1,
            $"gaussian-mlp's backbone and members, each member → softmax over {HistogramBaseline.DefaultBins} equal bins of the training range widened 10 %, cross-entropy; the members' histograms averaged",
            (train, budget, _) => HistogramBaseline.Train(train, null, Baseline(budget, BackboneKind.Mlp))),
        new("mdn-mlp", 1,
            $"gaussian-mlp's backbone and members, each member → mixture of {MixtureDensityBaseline.DefaultComponents} Gaussians, mixture NLL; the members' mixtures mixed with equal weights; standardized target",
            (train, budget, _) => MixtureDensityBaseline.Train(train, null, Baseline(budget, BackboneKind.Mlp))),
        new("lightgbm", 1,
            "LightGBM (ML.NET 5.0.1 / LightGBM 4.6): lr 0.05, 31 leaves, min 20 rows per leaf, early stopping 50 rounds on the inner validation split; Gaussian with σ = RMS residual on that split",
            (train, budget, threads) => LightGbmBaseline.Train(train, null, LightGbm(budget, threads))),
        new("decoreg-text", 1,
            "DecoReg reading the whole record as text (every feature as a `key: value` line, tokenized by a subword BPE trained on the training texts, digits split, at most 256 tokens, longest fields cut first) and, as one more memory token for the decoder, the bag of its n-grams (subwords, neighbouring pairs and triples, field + subword; 65,536 hash buckets; every field up to 256 tokens each, so a description cut for attention still counts in full), quantile target scaling: the targets are heavy-tailed (Debian sizes run from 0 to millions of KiB), and min-max bins would put most rows into the first bin; the warp makes bins narrow where targets are dense. Other options default",
            (train, budget, _) => Decoreg("decoreg-text", train, budget, new InputOptions { Mode = InputMode.Text }))
        {
            Suites = TextSuite, DefaultSuites = TextSuite,
        },
        new("decoreg-text-mlp", 1,
            $"DecoReg reading the whole record through its n-gram bag alone (as decoreg-text's, summed into 256 units) with TabM's MLP backbone and {Model.TransformerOptions.DefaultMlpMembers} members (`--backbone mlp`): no attention over the tokens, so word order within a field is lost beyond neighbouring pairs; quantile target scaling",
            (train, budget, _) => Decoreg("decoreg-text-mlp", train, budget, new InputOptions { Mode = InputMode.Text },
                new Model.TransformerOptions { Backbone = Model.BackboneKind.Mlp }))
        {
            Suites = TextSuite, DefaultSuites = TextSuite,
        },
        new("decoreg-text-ensemble", TextEnsembleSize,
            $"decoreg-text ×{TextEnsembleSize}: {TextEnsembleSize} networks from seeds 0–{TextEnsembleSize - 1} on the same rows, hold-out and vocabulary; the equal-weight mixture of their distributions ({TextEnsembleSize}× the compute)",
            (train, budget, _) => DecodingRegressorBaseline.Train("decoreg-text-ensemble", train, null,
                new RegressorOptions { Scaling = TargetScaling.Quantile, Inputs = new InputOptions { Mode = InputMode.Text }, Training = Training(budget), EnsembleSize = TextEnsembleSize }))
        {
            Suites = TextSuite, DefaultSuites = [],
        },
        new("decoreg-text-d128", 1,
            "decoreg-text at the size of the RegressLM run measured here (d_model 128, feed-forward 512, 2+2 layers, inputs cut to 128 tokens), for the same-size throughput comparison; run it with --threads 1",
            (train, budget, _) => Decoreg("decoreg-text-d128", train, budget, new InputOptions { Mode = InputMode.Text, MaxTokens = 128 },
                new Model.TransformerOptions { ModelDim = 128, FeedForwardDim = 512 }))
        {
            Suites = TextSuite, DefaultSuites = [],
        },
        new("decoreg-table-text", 1,
            "DecoReg on the table: numeric and categorical columns one token each, text columns (found by the text-column rule: many distinct or long strings) tokenized by the subword BPE and joining the column tokens, plus their n-gram bag (as decoreg-text); quantile target scaling",
            (train, budget, _) => Decoreg("decoreg-table-text", train, budget, new InputOptions { Mode = InputMode.Table }))
        {
            Suites = TextSuite, DefaultSuites = TextSuite,
        },
        new("decoreg-table-categorical", 1,
            "DecoReg on the table with every string column a categorical level (at most 1,000 levels, the rest \"unseen\"; the behaviour before text inputs); quantile target scaling; the text readers' codec (2 digits, 100 bins) pinned, so that it differs from decoreg-text in the input alone (a table left to the defaults gets 3 digits from 2,000 training rows: decoreg-normalized)",
            (train, budget, _) => Decoreg("decoreg-table-categorical", train, budget, new InputOptions { Mode = InputMode.Table, InferTextColumns = false }, codec: DecoReg.Training.DefaultCodec.Coarse))
        {
            Suites = TextSuite, DefaultSuites = TextSuite,
        },
        new("tfidf-lightgbm", 1,
            "the same canonical record text → ML.NET FeaturizeText (TF-IDF word 1–2-grams + character 3-grams, L2-normalized) → LightGBM (settings as lightgbm) on sign(y)·log10(1 + |y|); Gaussian in that log space with σ = RMS residual on the inner validation split, density mapped to target units with its exact Jacobian",
            (train, budget, threads) => TextLightGbmBaseline.Train(train, null, LightGbm(budget, threads)))
        {
            Suites = TextSuite, DefaultSuites = TextSuite,
        },
    ];

    /// <summary>Method names in report order.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(m => m.Name).ToArray();

    /// <summary>What runs without <c>--methods</c> in the uci and tabular suites (see <see cref="DefaultFor"/>).</summary>
    public static IReadOnlyList<string> Default { get; } = DefaultFor(BenchSuites.UciSuite);

    /// <summary>What runs without <c>--methods</c> in <paramref name="suite"/> (see <see cref="BenchMethod.IsDefaultIn"/>).</summary>
    public static IReadOnlyList<string> DefaultFor(string suite) => All.Where(m => m.IsDefaultIn(suite)).Select(m => m.Name).ToArray();

    /// <summary>Every method that may run in <paramref name="suite"/>, in report order (<c>--methods all</c>).</summary>
    public static IReadOnlyList<string> For(string suite) => All.Where(m => m.RunsIn(suite)).Select(m => m.Name).ToArray();

    /// <summary>One line per method for the report.</summary>
    public static IReadOnlyDictionary<string, string> Descriptions { get; } = All.ToDictionary(m => m.Name, m => m.Description);

    /// <summary>
    /// The methods of a comma-separated <c>--methods</c> list for <paramref name="suite"/> (null = the suite's
    /// defaults, "all" = every method of the suite), in the order given; unknown names, and methods of another suite,
    /// are user errors.
    /// </summary>
    public static string[] Parse(string? list, string suite = BenchSuites.UciSuite)
    {
        if (list is null) return [.. DefaultFor(suite)];
        var methods = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (methods is ["all"]) return [.. For(suite)];
        if (methods.Length == 0) throw new DecoRegException($"--methods '{list}' names no method; expected some of: {string.Join(", ", For(suite))} (or all)");
        Check(methods, suite);
        return methods;
    }

    /// <summary>Throws <see cref="DecoRegException"/> for an unknown method or one that does not run in <paramref name="suite"/>.</summary>
    public static void Check(IEnumerable<string> methods, string suite)
    {
        foreach (var m in methods)
            if (!Find(m).RunsIn(suite))
                throw new DecoRegException($"method '{m}' does not run in suite '{suite}'; expected some of: {string.Join(", ", For(suite))} (or all)");
    }

    /// <summary>The method named <paramref name="name"/>; unknown names are user errors.</summary>
    public static BenchMethod Find(string name) =>
        All.FirstOrDefault(m => m.Name == name)
        ?? throw new DecoRegException($"unknown method '{name}'; expected some of: {string.Join(", ", Names)} (or all)");

    /// <summary>
    /// IEEE-coded predictions come from 1,024 prefix-sharing samples: exact enumeration to 0.999 mass needs thousands of
    /// 7-token sequences per row (too slow for the larger sets; rates in bench/README.md). The NLL stays exact (teacher-forced).
    /// </summary>
    public static PredictionOptions IeeePrediction { get; } = new()
    {
        Method = DecodingMethod.PrefixSharing,
        Sampling = new Inference.SamplingOptions { Samples = 1024 },
    };

    public static TrainingOptions Training(BenchBudget budget) => new()
    {
        Epochs = budget.Epochs,
        Patience = budget.Patience,
        TimeLimit = budget.TimeLimit,
        Seed = budget.Seed,
    };

    /// <summary>A density head's options: the column-token transformer (gaussian, histogram, mdn) or DecoReg's default MLP backbone (the -mlp heads).</summary>
    private static BaselineOptions Baseline(BenchBudget budget, BackboneKind backbone = BackboneKind.Transformer) =>
        new() { Network = new Model.TransformerOptions { Backbone = backbone }, Training = Training(budget) };

    /// <summary>The LightGBM settings both boosting baselines share: the budget's rounds and seed, the neural methods' hold-out fraction.</summary>
    private static LightGbmBaseline.Settings LightGbm(BenchBudget budget, int threads) => new()
    {
        MaxRounds = budget.BoostingRounds,
        Seed = budget.Seed,
        ValidationFraction = Training(budget).ValidationFraction,
        Threads = threads > 0 ? threads : Math.Max(1, Environment.ProcessorCount),
    };

    /// <summary>A text-suite DecoReg method: quantile target scaling, the given inputs, everything else default.</summary>
    private static DecodingRegressorBaseline Decoreg(string name, Data.Dataset train, BenchBudget budget, InputOptions inputs,
        Model.TransformerOptions? network = null, Numbers.CodecOptions? codec = null) =>
        DecodingRegressorBaseline.Train(name, train, null,
            new RegressorOptions { Scaling = TargetScaling.Quantile, Inputs = inputs, Training = Training(budget), Network = network ?? new(), Codec = codec });

    /// <summary>Trains <paramref name="method"/> on <paramref name="train"/> (validation: the seeded hold-out).</summary>
    public static IBaseline Train(string method, Data.Dataset train, BenchBudget budget, int threads = 0) =>
        Find(method).Train(train, budget, threads);
}
