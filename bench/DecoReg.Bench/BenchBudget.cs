namespace DecoReg.Bench;

/// <summary>
/// The fixed budget every training run of a benchmark gets: maximum epochs (0 = the library's default by data size,
/// <see cref="Training.TrainingOptions.Resolve"/>), an optional wall-clock limit per training (the
/// <see cref="Training.TrainingOptions.TimeLimit"/>; LightGBM gets <see cref="BoostingRounds"/> instead), the
/// early-stopping patience (0 = the library's default) and the seed of weights, shuffling and the validation hold-out.
/// Committed runs are budgeted in epochs, not seconds, so they reproduce on a loaded machine. Chosen before looking at
/// any test split; written into every report.
/// </summary>
public sealed record BenchBudget
{
    public int Epochs { get; init; }
    public TimeSpan? TimeLimit { get; init; }
    public int Patience { get; init; }
    public int BoostingRounds { get; init; } = 2000;
    public int Seed { get; init; }

    /// <summary>The default budget of a real run.</summary>
    public static BenchBudget Default { get; } = new();

    /// <summary>
    /// The default budget of a suite's real run. The text suite trains in epochs, like <c>decoreg train --input text</c>
    /// (8 epochs, patience 3: the learning-rate schedule spans the 8 epochs, so it is not cut off mid-warm-up by a
    /// clock), with a 30-minute safety limit per training that a run on an idle 2-core machine does not reach.
    /// </summary>
    public static BenchBudget DefaultFor(string suite) =>
        suite == BenchSuites.TextSuite ? Default with { Epochs = 8, Patience = 3, TimeLimit = TimeSpan.FromMinutes(30) } : Default;

    /// <summary>The <c>--quick</c> budget (CI): a few epochs, seconds per training.</summary>
    public static BenchBudget Quick { get; } = new() { Epochs = 4, TimeLimit = TimeSpan.FromSeconds(20), Patience = 4, BoostingRounds = 100 };
}
