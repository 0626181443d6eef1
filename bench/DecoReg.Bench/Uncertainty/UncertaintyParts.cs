using DecoReg.Uncertainty;

namespace DecoReg.Bench.Uncertainty;

/// <summary>The parts of the <c>uncertainty</c> suite, in run and report order: the one list a new part is added to.</summary>
public static class UncertaintyParts
{
    // The rules keep the methods and candidate factors their committed runs used, whatever the library's defaults become.
    private static readonly ActiveLearningPart Active = new("active",
    [
        new("disagreement", ConfidenceScore.Disagreement, AcquisitionMethod.Farthest, Factor: 4),
        new("std", ConfidenceScore.StdDev, AcquisitionMethod.Farthest, Factor: 4),
        ActiveRule.Random,
    ]);

    /// <summary>LCMD among the 10 × batch most uncertain of the pool sample.</summary>
    private static readonly ActiveRule Lcmd = new("lcmd", ConfidenceScore.Disagreement, AcquisitionMethod.LargestCluster, Factor: 10);

    /// <summary>LCMD over the whole pool sample (every sampled row a candidate: representation first, uncertainty only for ties).</summary>
    private static readonly ActiveRule PoolLcmd =
        new("lcmd-pool", ConfidenceScore.Disagreement, AcquisitionMethod.LargestCluster, Factor: ActiveLearningPart.PoolSample / ActiveLearningPart.Batch);

    public static IReadOnlyList<IUncertaintyPart> All { get; } =
    [
        new ConformalPart(),
        new ConformalRepeatsPart(),
        new SelectivePart(),
        new AuditPart(),
        Active,
        new ActiveLearningPart("active-cluster", [Lcmd], extends: Active),
        new ActiveLearningPart("active-pool", [PoolLcmd], extends: Active),
        new ActiveLearningPart("active-fresh", [Lcmd, ActiveRule.Random], firstSeed: 3),
        new ActiveLearningPart("active-pool-fresh", [PoolLcmd, ActiveRule.Random], firstSeed: 3),
        new ActiveLearningPart("active-pool-fresh-6", [PoolLcmd, ActiveRule.Random], firstSeed: 6),
    ];

    public static IReadOnlyList<string> Names => All.Select(p => p.Name).ToArray();

    /// <summary>The parts of a comma-separated <c>--parts</c> list (null = all); unknown names are user errors.</summary>
    public static IReadOnlyList<IUncertaintyPart> Parse(string? list)
    {
        if (list is null) return All;
        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0) throw new DecoRegException($"--parts '{list}' names no part; expected some of: {string.Join(", ", Names)}");
        return names.Select(n => All.FirstOrDefault(p => p.Name == n)
            ?? throw new DecoRegException($"unknown part '{n}'; expected some of: {string.Join(", ", Names)}")).ToArray();
    }
}
