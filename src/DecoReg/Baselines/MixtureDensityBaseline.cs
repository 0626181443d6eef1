using DecoReg.Data;
using DecoReg.Evaluation;
using DecoReg.Inference;
using DecoReg.Training;
using static TorchSharp.torch;

namespace DecoReg.Baselines;

/// <summary>
/// Mixture density network head (Bishop 1994): the pooled encoder state → K mixture logits, K means and K
/// log-σ of Gaussians over the standardized target, trained with the mixture's negative log-likelihood
/// (log-sum-exp). Log-likelihoods are the exact mixture density in target units; <see cref="IBaseline.Predict"/>
/// gives the mixture on a fine grid (<see cref="GaussianMixtureGrid"/>).
/// </summary>
public sealed class MixtureDensityBaseline : NeuralBaseline
{
    public const int DefaultComponents = 5;
    /// <summary>log σ (z units) is clamped to this range.</summary>
    public const double MinLogSigma = -7, MaxLogSigma = 5;
    private const double HalfLogTwoPi = 0.91893853320467274178;

    private MixtureDensityBaseline(BaselineOptions options, int components) : base(options)
    {
        if (components < 1) throw new DecoRegException($"a mixture needs at least one component (got {components})");
        Components = components;
    }

    public override string Name => "mdn";
    public int Components { get; }
    protected override int Outputs => 3 * Components;

    public static MixtureDensityBaseline Train(Dataset train, Dataset? validation = null, BaselineOptions? options = null,
        int components = DefaultComponents, IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        var model = new MixtureDensityBaseline(options ?? new BaselineOptions(), components);
        model.Fit(train, validation, progress, cancellation);
        return model;
    }

    protected override Tensor HeadLoss(Tensor outputs, Tensor z)
    {
        using var scope = torch.NewDisposeScope();
        int k = Components;
        var logWeights = outputs.narrow(1, 0, k).log_softmax(1);
        var means = outputs.narrow(1, k, k);
        var logSigma = outputs.narrow(1, 2 * k, k).clamp(MinLogSigma, MaxLogSigma);
        var u = (z.unsqueeze(1) - means) * (-logSigma).exp();
        var logComponent = -0.5 * u.square() - logSigma - HalfLogTwoPi;
        return (-(logWeights + logComponent).logsumexp(1)).mean().MoveToOuterDisposeScope();
    }

    protected override Distribution ToDistribution(ReadOnlySpan<double> outputs, int members)
    {
        int c = Components;
        var weights = new double[members * c];
        var means = new double[members * c];
        var sigmas = new double[members * c];
        for (int j = 0; j < members; j++)
        {
            var (w, m, s) = Parameters(outputs.Slice(j * Outputs, Outputs));
            w.CopyTo(weights, j * c);   // each member's weights sum to 1: equal weight per member
            m.CopyTo(means, j * c);
            s.CopyTo(sigmas, j * c);
        }
        return GaussianMixtureGrid.Mixture(weights, means, sigmas);
    }

    protected override double LogDensity(ReadOnlySpan<double> outputs, double z)
    {
        var (w, m, s) = Parameters(outputs);
        Span<double> terms = stackalloc double[w.Length];
        for (int j = 0; j < w.Length; j++) terms[j] = Math.Log(w[j]) + Scoring.GaussianLogDensity(m[j], s[j], z);
        return Statistics.LogSumExp(terms);
    }

    private (double[] Weights, double[] Means, double[] Sigmas) Parameters(ReadOnlySpan<double> o)
    {
        int k = Components;
        var w = new double[k];
        var m = new double[k];
        var s = new double[k];
        double max = double.NegativeInfinity;
        for (int j = 0; j < k; j++) max = Math.Max(max, o[j]);
        double total = 0;
        for (int j = 0; j < k; j++) total += w[j] = Math.Exp(o[j] - max);
        for (int j = 0; j < k; j++)
        {
            w[j] /= total;
            m[j] = o[k + j];
            s[j] = Math.Exp(Math.Clamp(o[2 * k + j], MinLogSigma, MaxLogSigma));
        }
        return (w, m, s);
    }
}
