namespace DecoReg.Bench.Uncertainty;

/// <summary>
/// Runs the <c>uncertainty</c> suite: for every UCI set and split, the parts not yet recorded, sharing one
/// <see cref="UncertaintySplit"/> (so DecoReg and each baseline train once per split); every finished part is recorded
/// at once (an interrupted run keeps its results, a repeated command resumes).
/// </summary>
public static class UncertaintyRunner
{
    public static IReadOnlyList<UncertaintyRun> Run(BenchRequest request, IReadOnlyList<IUncertaintyPart> parts, int? epochs,
        Action<string>? log = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(parts);
        var names = request.Datasets ?? (request.Quick ? BenchSuites.QuickDatasets(BenchSuites.UciSuite) : null);
        var datasets = BenchSuites.Resolve(BenchSuites.UciSuite, request.DataRoot, names);
        var store = UncertaintyStore.Open(request.OutDir, request.Quick, request.Command);
        Model.TorchRuntime.Initialize(request.Threads);
        var started = DateTimeOffset.UtcNow;
        var results = new List<UncertaintyRun>();
        foreach (var set in datasets)
        {
            var budget = UncertaintyBudget.For(set.Name, request.Budget, request.Quick, epochs);
            for (int split = 0; split < Math.Min(request.Splits, set.AvailableSplits); split++)
            {
                var recorded = store.Recorded();
                var applicable = parts.Where(p => p.AppliesTo(set.Name, split)).ToArray();
                if (applicable.Length == 0) continue; // e.g. the audit runs on split 0 only
                var pending = applicable.Where(p => !recorded.Contains((p.Name, set.Name, split))).ToArray();
                if (pending.Length == 0)
                {
                    log?.Invoke($"{set.Name} split {split}: already in {store.JsonPath}, skipped");
                    continue;
                }
                var (train, test) = set.LoadSplit(split);
                using var context = new UncertaintySplit(set.Name, split, train, test, budget, request.Threads);
                foreach (var part in pending)
                {
                    cancellation.ThrowIfCancellationRequested();
                    var run = new UncertaintyRun(part.Name, set.Name, split, part.Run(context));
                    store.Add(run, started);
                    results.Add(run);
                    log?.Invoke(part.Line(run));
                }
            }
        }
        store.Add(null, started);
        return results;
    }
}
