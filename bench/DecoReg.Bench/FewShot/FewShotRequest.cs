namespace DecoReg.Bench.FewShot;

/// <summary>What a <c>--suite fewshot</c> command asks for: data sets, seeds, sample sizes, quick mode, output folder.</summary>
public sealed record FewShotRequest
{
    public required string DataRoot { get; init; }
    public required string OutDir { get; init; }
    /// <summary>Data sets to run (<see cref="FewShotPlan.Datasets"/>); null = all of them (quick: the Debian one).</summary>
    public IReadOnlyList<string>? Datasets { get; init; }
    /// <summary>Held-out tasks to run (each must be held out by a requested data set); null = all of them.</summary>
    public IReadOnlyList<string>? Tasks { get; init; }
    public int Seeds { get; init; } = 3;
    public IReadOnlyList<int> Sizes { get; init; } = FewShotPlan.DefaultSizes;
    public bool Quick { get; init; }
    /// <summary>CPU threads for libtorch (0 = all cores).</summary>
    public int Threads { get; init; }
    /// <summary>The command line, written into the report.</summary>
    public string Command { get; init; } = "";
}
