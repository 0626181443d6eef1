using DecoReg.Evaluation;
using DecoReg.Inference;
using DecoReg.Training;
using static TorchSharp.torch;

namespace DecoReg.Baselines;

/// <summary>
/// Gaussian head: the pooled encoder state → (mean, log-variance) of a Gaussian over the standardized target,
/// trained with the Gaussian negative log-likelihood. Log-likelihoods are the exact closed-form density in target
/// units; <see cref="IBaseline.Predict"/> gives the Gaussian on a fine grid (<see cref="GaussianMixtureGrid"/>). With
/// members (an efficient ensemble) each member predicts a Gaussian and the row's distribution is their mixture.
/// </summary>
public sealed class GaussianBaseline : NeuralBaseline
{
    /// <summary>log σ² (in z units) is clamped to this range for numerical safety.</summary>
    public const double MinLogVariance = -14, MaxLogVariance = 10;
    private const double LogTwoPi = 1.8378770664093453;

    private GaussianBaseline(BaselineOptions options) : base(options) { }

    public override string Name => "gaussian";
    protected override int Outputs => 2;

    public static GaussianBaseline Train(Dataset train, Dataset? validation = null, BaselineOptions? options = null,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        var model = new GaussianBaseline(options ?? new BaselineOptions());
        model.Fit(train, validation, progress, cancellation);
        return model;
    }

    /// <summary>
    /// Predicted mean and standard deviation of every row, in target units (with members, of their mixture: the mean of
    /// the members' means, the variance by the law of total variance).
    /// </summary>
    public (double[] Mean, double[] StdDev) PredictParameters(Table features)
    {
        var o = RawOutputs(features);
        int k = Members;
        var mean = new double[features.RowCount];
        var sd = new double[features.RowCount];
        for (int i = 0; i < mean.Length; i++)
        {
            double first = 0, second = 0;
            for (int j = 0; j < k; j++)
            {
                var (m, s) = Parameters(o.AsSpan(2 * (i * k + j), 2));
                first += m / k;
                second += (s * s + m * m) / k;
            }
            mean[i] = TargetMean + TargetStd * first;
            sd[i] = TargetStd * Math.Sqrt(Math.Max(0, second - first * first));
        }
        return (mean, sd);
    }

    protected override Tensor HeadLoss(Tensor outputs, Tensor z)
    {
        using var scope = torch.NewDisposeScope();
        var mean = outputs.select(1, 0);
        var logVar = outputs.select(1, 1).clamp(MinLogVariance, MaxLogVariance);
        var nll = 0.5 * (logVar + (z - mean).square() * (-logVar).exp() + LogTwoPi);
        return nll.mean().MoveToOuterDisposeScope();
    }

    protected override Distribution ToDistribution(ReadOnlySpan<double> outputs, int members)
    {
        var weights = new double[members];
        var means = new double[members];
        var sigmas = new double[members];
        for (int j = 0; j < members; j++)
        {
            (means[j], sigmas[j]) = Parameters(outputs.Slice(2 * j, 2));
            weights[j] = 1;
        }
        return GaussianMixtureGrid.Mixture(weights, means, sigmas);
    }

    protected override double LogDensity(ReadOnlySpan<double> outputs, double z)
    {
        var (m, s) = Parameters(outputs);
        return Scoring.GaussianLogDensity(m, s, z);
    }

    private static (double Mean, double Sigma) Parameters(ReadOnlySpan<double> o) =>
        (o[0], Math.Exp(0.5 * Math.Clamp(o[1], MinLogVariance, MaxLogVariance)));
}
