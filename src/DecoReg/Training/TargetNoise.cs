namespace DecoReg.Training;

/// <summary>
/// Gaussian jitter for training targets (see <see cref="TrainingOptions.TargetNoise"/>): σ is a fraction of the
/// training targets' standard deviation; draws are seeded from the training seed.
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

    public double Sigma { get; }
    public int Copies { get; }

    /// <summary>The jitter for these options and targets, or null when it is off.</summary>
    public static TargetNoise? For(TrainingOptions options, IReadOnlyList<double> targets)
    {
        if (options.TargetNoise <= 0 || targets.Count == 0) return null;
        double mean = targets.Average();
        double std = Math.Sqrt(targets.Sum(y => (y - mean) * (y - mean)) / targets.Count);
        if (!(std > 0)) return null;
        return new TargetNoise(options.TargetNoise * std, Math.Max(2, options.TargetNoiseCopies), options.Seed + 7919);
    }

    public double Draw() =>
        Sigma * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
