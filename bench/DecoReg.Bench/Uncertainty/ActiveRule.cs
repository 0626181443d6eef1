using DecoReg.Uncertainty;

namespace DecoReg.Bench.Uncertainty;

/// <summary>
/// One acquisition rule of the active-learning parts: an uncertainty score with <see cref="Acquisition"/>'s batch
/// method among the <see cref="CandidateFactor"/> × batch most uncertain rows (the method's default unless
/// <paramref name="Factor"/> says otherwise), or random picks (<see cref="Score"/> null). The method is always named, so a
/// rule keeps meaning what its committed runs did when the library's default changes.
/// </summary>
public sealed record ActiveRule(string Name, ConfidenceScore? Score, AcquisitionMethod Method, int? Factor = null)
{
    public static ActiveRule Random { get; } = new("random", null, Acquisition.DefaultMethod);

    public int CandidateFactor => Factor ?? Acquisition.CandidateFactor(Method);

    /// <summary>Whether this is what <c>decoreg acquire</c> does by default (for a model with members).</summary>
    public bool IsDefault => Score == Acquisition.DefaultScore && Method == Acquisition.DefaultMethod
        && CandidateFactor == Acquisition.CandidateFactor(Acquisition.DefaultMethod);

    /// <summary>What the rule does, for the report.</summary>
    public string Description => Score is not { } score ? "random picks"
        : $"`{ConfidenceScores.Name(score)}` score, {(Method == AcquisitionMethod.Farthest ? "greedy k-center" : "largest cluster, maximum distance (LCMD)")} among the {CandidateFactor} × batch most uncertain rows";
}
