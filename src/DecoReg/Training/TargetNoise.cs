namespace DecoReg.Training;

/// <summary>
/// Gaussian jitter for training targets (see <see cref="TrainingOptions.TargetNoise"/>), drawn in the model's scaled
/// target space (after the target scaler, where the codec's bins are equal): σ is a fraction of the scaled training
/// targets' standard deviation and draws are added to scaled targets, so a warp that narrows bins where targets are
/// dense narrows the jitter there too. Draws are seeded from the training seed.
/// </summary>
public sealed class TargetNoise
{
    private readonly Random rng;

    private TargetNoise(double sigma, int copies, int seed)
    {
        Sigma = sigma;
        Copies = copies;
        rng = new Random(seed);
    }

    /// <summary>Standard deviation of a draw, in scaled units.</summary>
    public double Sigma { get; }
    public int Copies { get; }

    /// <summary>The jitter for these options and scaled training targets, or null when it is off.</summary>
    public static TargetNoise? For(TrainingOptions options, IReadOnlyList<double> scaledTargets)
    {
        if (options.TargetNoise <= 0 || scaledTargets.Count == 0) return null;
        var (_, std) = Statistics.MeanAndStdDev(scaledTargets);
        if (!(std > 0)) return null;
        return new TargetNoise(options.TargetNoise * std, Math.Max(2, options.TargetNoiseCopies), options.Seed + 7919);
    }

    /// <summary>One draw of N(0, σ²), to add to a scaled target.</summary>
    public double Draw() =>
        Sigma * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
