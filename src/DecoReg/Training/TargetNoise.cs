using DecoReg.Numbers;

namespace DecoReg.Training;

/// <summary>
/// Gaussian jitter for training targets (see <see cref="TrainingOptions.TargetNoise"/>), added in the model's
/// scaled target space (after the target scaler, where the codec's bins are equal): σ is a fraction of the scaled
/// training targets' standard deviation, so a warp that narrows bins where targets are dense narrows the jitter
/// there too. Draws are seeded from the training seed.
/// </summary>
public sealed class TargetNoise
{
    private readonly Random rng;
    private readonly TargetScaler scaler;

    private TargetNoise(double sigma, int copies, int seed, TargetScaler scaler)
    {
        Sigma = sigma;
        Copies = copies;
        rng = new Random(seed);
        this.scaler = scaler;
    }

    public double Sigma { get; }
    public int Copies { get; }

    /// <summary>The jitter for these options and targets, or null when it is off.</summary>
    public static TargetNoise? For(TrainingOptions options, IReadOnlyList<double> targets, TargetScaler scaler)
    {
        if (options.TargetNoise <= 0 || targets.Count == 0) return null;
        var z = targets.Select(scaler.Transform).ToArray();
        double mean = z.Average();
        double std = Math.Sqrt(z.Sum(v => (v - mean) * (v - mean)) / z.Length);
        if (!(std > 0)) return null;
        return new TargetNoise(options.TargetNoise * std, Math.Max(2, options.TargetNoiseCopies), options.Seed + 7919, scaler);
    }

    /// <summary>A jittered copy of target <paramref name="y"/>: y moved by one draw in the scaled space.</summary>
    public double Jitter(double y) => scaler.Inverse(scaler.Transform(y) + Draw());

    private double Draw() =>
        Sigma * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
