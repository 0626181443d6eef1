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
    /// <summary>
    /// Runs without <c>--methods</c>: the single-training methods, so that a full default UCI run (7 sets × 5 splits)
    /// stays well under 3 hours on 2 cores; the costlier ones run when named or with <c>--methods all</c>.
    /// </summary>
    public bool IsDefault => Trainings == 1;
}
