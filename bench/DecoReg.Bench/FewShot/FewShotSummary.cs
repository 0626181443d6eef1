namespace DecoReg.Bench.FewShot;

/// <summary>Mean, min and max of one metric over the seeds of a (task, variant, size) cell; NaN when no run succeeded.</summary>
public readonly record struct SeedSpread(double Mean, double Min, double Max, int Count)
{
    public static SeedSpread Of(IEnumerable<double> values)
    {
        var v = values.Where(double.IsFinite).ToArray();
        return v.Length == 0 ? new SeedSpread(double.NaN, double.NaN, double.NaN, 0) : new SeedSpread(v.Average(), v.Min(), v.Max(), v.Length);
    }

    /// <summary>"0.512 (0.480–0.550)" over several seeds, "0.512" for one, "—" for none.</summary>
    public string Format(int decimals = 3)
    {
        string f(double x) => x.ToString("F" + decimals, System.Globalization.CultureInfo.InvariantCulture);
        return Count == 0 ? "—" : Count == 1 ? f(Mean) : $"{f(Mean)} ({f(Min)}–{f(Max)})";
    }
}

/// <summary>The recorded runs of one held-out task, grouped for the report, the plot and the targets.</summary>
public sealed class FewShotTaskRuns(string dataset, string task, IReadOnlyList<FewShotRun> runs)
{
    public string Dataset { get; } = dataset;
    public string Task { get; } = task;
    public IReadOnlyList<FewShotRun> Runs { get; } = runs;

    /// <summary>Every task with runs, in record order.</summary>
    public static IReadOnlyList<FewShotTaskRuns> Of(FewShotRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Runs.GroupBy(r => (r.Dataset, r.Task)).Select(g => new FewShotTaskRuns(g.Key.Dataset, g.Key.Task, g.ToArray())).ToArray();
    }

    /// <summary>The sample sizes of the curve (fine-tuned or scratch runs), ascending.</summary>
    public int[] Sizes => Runs.Where(r => r.Variant is FewShotRun.Pretrained or FewShotRun.Scratch).Select(r => r.Size).Distinct().Order().ToArray();

    /// <summary>The successful runs of a variant (at a size, when given).</summary>
    public FewShotRun[] Of(string variant, int? size = null) =>
        Runs.Where(r => r.Variant == variant && r.Error is null && (size is null || r.Size == size)).ToArray();

    public SeedSpread Spread(string variant, int? size, Func<FewShotRun, double> metric) => SeedSpread.Of(Of(variant, size).Select(metric));

    public IEnumerable<FewShotRun> Failures => Runs.Where(r => r.Error is not null);
}
