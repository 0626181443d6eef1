using DecoReg.Baselines;
using DecoReg.Data;

namespace DecoReg.Bench;

/// <summary>Trains one method on a split's training rows (validation: the seeded inner hold-out) within the budget.</summary>
/// <param name="train">The split's training rows.</param>
/// <param name="budget">Epochs, patience, time limit, boosting rounds and seed.</param>
/// <param name="threads">CPU threads for methods that set their own (LightGBM); 0 = all cores.</param>
public delegate IBaseline MethodTrainer(Dataset train, BenchBudget budget, int threads);

/// <summary>
/// One compared method: its name (as in <c>--methods</c> and the reports), the line that describes it in the report,
/// how many networks or models it trains (<see cref="Trainings"/>, its cost relative to one training) and how it
/// trains. A new method is one entry in <see cref="BenchMethods.All"/>.
/// </summary>
public sealed record BenchMethod(string Name, int Trainings, string Description, MethodTrainer Train)
{
    /// <summary>The suites the method may run in (when named, or with <c>--methods all</c>); null = every suite.</summary>
    public IReadOnlyList<string>? Suites { get; init; }

    /// <summary>
    /// The suites where it runs without <c>--methods</c>; null = the table suites (uci, tabular) when it trains one
    /// network or model, so that a full default UCI run (7 sets × 5 splits) stays well under 3 hours on 2 cores.
    /// </summary>
    public IReadOnlyList<string>? DefaultSuites { get; init; }

    /// <summary>Whether the method may run in <paramref name="suite"/>.</summary>
    public bool RunsIn(string suite) => Suites?.Contains(suite) ?? true;

    /// <summary>Whether the method runs in <paramref name="suite"/> without <c>--methods</c>.</summary>
    public bool IsDefaultIn(string suite) =>
        DefaultSuites?.Contains(suite) ?? (Trainings == 1 && suite is BenchSuites.UciSuite or BenchSuites.TabularSuite);
}
