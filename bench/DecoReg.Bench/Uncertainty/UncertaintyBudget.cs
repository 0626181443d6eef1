namespace DecoReg.Bench.Uncertainty;

/// <summary>
/// The <c>uncertainty</c> suite's budget: epochs per data set (not seconds, so runs reproduce on a loaded machine),
/// chosen so the whole suite (7 sets × 5 splits, DecoReg and the Gaussian head each trained once per split, plus
/// LightGBM) fits in about 30–40 minutes on one thread; early stopping patience <see cref="Patience"/>; a 30-minute
/// per-training safety limit that a run does not reach.
/// </summary>
public static class UncertaintyBudget
{
    public const int Patience = 20;

    /// <summary>Maximum epochs per data set (the larger the set, the fewer: protein has 45k rows).</summary>
    public static IReadOnlyDictionary<string, int> Epochs { get; } = new Dictionary<string, int>
    {
        ["yacht"] = 100,
        ["bostonHousing"] = 60,
        ["energy"] = 80,
        ["concrete"] = 60,
        ["wine-quality-red"] = 40,
        ["power-plant"] = 15,
        ["protein-tertiary-structure"] = 3,
    };

    /// <summary>The budget of one data set: its epochs (or <paramref name="epochs"/> when given), else <paramref name="basis"/>'s settings.</summary>
    public static BenchBudget For(string dataset, BenchBudget basis, bool quick, int? epochs)
    {
        ArgumentNullException.ThrowIfNull(basis);
        if (quick) return basis with { Epochs = epochs ?? basis.Epochs };
        return basis with
        {
            Epochs = epochs ?? Epochs.GetValueOrDefault(dataset, basis.Epochs),
            Patience = Patience,
            TimeLimit = TimeSpan.FromMinutes(30),
        };
    }
}
