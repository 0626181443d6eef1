using DecoReg.Inference;
using DecoReg.Training;

namespace DecoReg.Baselines;

/// <summary>
/// A trained regression method seen the way a benchmark sees it: predictive <see cref="Distribution"/>s for rows
/// and the exact log-density of each target in the target's own units. Every baseline (and the decoding regressor
/// through an adapter) answers through this, so the same metrics code scores them all. Each implementation has a
/// static <c>Train(Dataset train, Dataset? validation, options, …)</c>.
/// </summary>
public interface IBaseline : IDisposable
{
    /// <summary>A short name, e.g. "gaussian".</summary>
    string Name { get; }

    /// <summary>How training went (null for methods not trained by <see cref="Trainer"/>).</summary>
    TrainingReport? TrainingReport { get; }

    /// <summary>Predictive distributions for every row of <paramref name="features"/> (columns matched by name).</summary>
    IReadOnlyList<Distribution> Predict(Table features);

    /// <summary>log p(y | x) of each row's target, as a density in the target's units.</summary>
    double[] LogLikelihood(Dataset data);

    /// <summary>What the method chose on its hold-out while training (e.g. the target scaling kept), or null.</summary>
    string? Choice => null;
}
