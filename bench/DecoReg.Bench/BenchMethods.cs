using DecoReg.Baselines;
using DecoReg.Inference;
using DecoReg.Numbers;
using DecoReg.Training;

namespace DecoReg.Bench;

/// <summary>
/// The compared methods and their fixed hyper-parameters (chosen before any run, never tuned on test splits; the
/// only data-driven choices are early stopping on the seeded inner validation split — 10 % of the training rows,
/// the same rows for every method). All neural methods use the default <see cref="Model.TransformerOptions"/>
/// (d_model 64, 4 heads, 2 encoder layers, FF 256, dropout 0.2) and default <see cref="TrainingOptions"/> (AdamW
/// lr 1e-3, batch 64, weight decay 0.01, warm-up + cosine, clip 1.0) with the budget's epochs, patience and time limit.
/// </summary>
public static class BenchMethods
{
    /// <summary>Networks in the <c>decoreg-ensemble</c> method.</summary>
    public const int EnsembleSize = 5;

    /// <summary>Every method, in report order: the one table a new method is added to.</summary>
    public static IReadOnlyList<BenchMethod> All { get; } =
    [
        new("decoreg-normalized", 1,
            "DecoReg defaults: normalized codec base 10, 2 digits (100 bins over the min-max range widened 10 %), exact decoding to 0.999 mass",
            (train, budget, _) => DecodingRegressorBaseline.Train("decoreg-normalized", train, null,
                new RegressorOptions { Training = Training(budget) })),
        new("decoreg-ieee", 1,
            "DecoReg, IEEE codec base 10, 1 exponent + 4 mantissa digits (exponent range fitted to training targets), raw targets; mean, quantiles and intervals from 1,024 prefix-sharing samples per row (NLL exact, teacher-forced)",
            (train, budget, _) => DecodingRegressorBaseline.Train("decoreg-ieee", train, null,
                new RegressorOptions { Codec = new IeeeCodecOptions(10, 1, 4), Training = Training(budget) }, IeeePrediction)),
        new("decoreg-select", 2,
            "decoreg-normalized with the target scaling chosen per split on the inner hold-out: trained with min-max and with the quantile warp (bins follow a 50/50 blend of the training targets' empirical CDF and min-max), the lower hold-out NLL is kept (2× the compute; the only choice made on data besides early stopping)",
            (train, budget, _) => DecodingRegressorBaseline.Train("decoreg-select", train, null,
                new RegressorOptions { SelectScaling = true, Training = Training(budget) })),
        new("decoreg-ensemble", EnsembleSize,
            $"decoreg-normalized ×{EnsembleSize}: an ensemble of {EnsembleSize} networks (seeds 0–{EnsembleSize - 1}, same rows and hold-out, each with the full per-training budget, so {EnsembleSize}× the compute of the other methods); the equal-weight mixture of their distributions",
            (train, budget, _) => DecodingRegressorBaseline.Train("decoreg-ensemble", train, null,
                new RegressorOptions { EnsembleSize = EnsembleSize, Training = Training(budget) })),
        new("decoreg-select-ensemble", EnsembleSize + 1,
            $"decoreg-select ×{EnsembleSize}: the scaling is chosen as in decoreg-select (one network each), the kept network is the first of {EnsembleSize} and the other {EnsembleSize - 1} are trained with its scaling (seeds 1–{EnsembleSize - 1}); {EnsembleSize + 1}× the compute",
            (train, budget, _) => DecodingRegressorBaseline.Train("decoreg-select-ensemble", train, null,
                new RegressorOptions { SelectScaling = true, EnsembleSize = EnsembleSize, Training = Training(budget) })),
        new("gaussian", 1,
            "same encoder, mean-pooled → MLP → (mean, log-variance), Gaussian NLL; standardized target",
            (train, budget, _) => GaussianBaseline.Train(train, null, Baseline(budget))),
        new("histogram", 1,
            $"same encoder, mean-pooled → MLP → softmax over {HistogramBaseline.DefaultBins} equal bins of the training range widened 10 %, cross-entropy",
            (train, budget, _) => HistogramBaseline.Train(train, null, Baseline(budget))),
        new("mdn", 1,
            $"same encoder, mean-pooled → MLP → mixture of {MixtureDensityBaseline.DefaultComponents} Gaussians, mixture NLL; standardized target",
            (train, budget, _) => MixtureDensityBaseline.Train(train, null, Baseline(budget))),
        new("lightgbm", 1,
            "LightGBM (ML.NET 5.0.1 / LightGBM 4.6): lr 0.05, 31 leaves, min 20 rows per leaf, early stopping 50 rounds on the inner validation split; Gaussian with σ = RMS residual on that split",
            (train, budget, threads) => LightGbmBaseline.Train(train, null, new LightGbmBaseline.Settings
            {
                MaxRounds = budget.BoostingRounds,
                Seed = budget.Seed,
                ValidationFraction = Training(budget).ValidationFraction,
                Threads = threads > 0 ? threads : Math.Max(1, Environment.ProcessorCount),
            })),
    ];

    /// <summary>Method names in report order.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(m => m.Name).ToArray();

    /// <summary>What runs without <c>--methods</c> (see <see cref="BenchMethod.IsDefault"/>).</summary>
    public static IReadOnlyList<string> Default { get; } = All.Where(m => m.IsDefault).Select(m => m.Name).ToArray();

    /// <summary>One line per method for the report.</summary>
    public static IReadOnlyDictionary<string, string> Descriptions { get; } = All.ToDictionary(m => m.Name, m => m.Description);

    /// <summary>
    /// The methods of a comma-separated <c>--methods</c> list (null = <see cref="Default"/>, "all" = every method), in
    /// the order given; unknown names are user errors.
    /// </summary>
    public static string[] Parse(string? list)
    {
        if (list is null) return [.. Default];
        var methods = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (methods is ["all"]) return [.. Names];
        if (methods.Length == 0) throw new DecoRegException($"--methods '{list}' names no method; expected some of: {string.Join(", ", Names)} (or all)");
        Check(methods);
        return methods;
    }

    public static void Check(IEnumerable<string> methods)
    {
        foreach (var m in methods) Find(m);
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

    private static BaselineOptions Baseline(BenchBudget budget) => new() { Training = Training(budget) };

    /// <summary>Trains <paramref name="method"/> on <paramref name="train"/> (validation: the seeded hold-out).</summary>
    public static IBaseline Train(string method, Data.Dataset train, BenchBudget budget, int threads = 0) =>
        Find(method).Train(train, budget, threads);
}
