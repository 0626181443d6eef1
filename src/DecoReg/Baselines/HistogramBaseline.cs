using DecoReg.Inference;
using DecoReg.Training;
using static TorchSharp.torch;

namespace DecoReg.Baselines;

/// <summary>
/// Histogram ("Riemann") head: the pooled encoder state → softmax over <see cref="Bins"/> equal bins of the
/// target's training range widened by 10 % on each side (the same <see cref="MinMaxScaler.Fit"/> range the normalized
/// codec uses), trained with cross-entropy on the bin of each target. The predictive density is p_k / bin width
/// (piecewise uniform, exactly a <see cref="Distribution"/>). As with the normalized codec, a target outside the
/// widened range is clamped into the edge bin, for training and for its log-likelihood.
/// </summary>
public sealed class HistogramBaseline : NeuralBaseline
{
    public const int DefaultBins = 100;
    private double low, width; // in z units: bin k = [low + k·width, low + (k+1)·width)

    private HistogramBaseline(BaselineOptions options, int bins) : base(options)
    {
        if (bins < 2) throw new DecoRegException($"a histogram head needs at least 2 bins (got {bins})");
        Bins = bins;
    }

    public override string Name => "histogram";
    public int Bins { get; }
    protected override int Outputs => Bins;

    public static HistogramBaseline Train(Dataset train, Dataset? validation = null, BaselineOptions? options = null,
        int bins = DefaultBins, IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        var model = new HistogramBaseline(options ?? new BaselineOptions(), bins);
        model.Fit(train, validation, progress, cancellation);
        return model;
    }

    protected override void FitTargets(double[] z)
    {
        var range = MinMaxScaler.Fit(z);
        low = range.Low;
        width = range.Width / Bins;
    }

    /// <summary>The bin holding z (clamped to the edge bins).</summary>
    public int BinOf(double z) => (int)Math.Clamp(Math.Floor((z - low) / width), 0, Bins - 1);

    protected override Tensor HeadLoss(Tensor outputs, Tensor z)
    {
        using var scope = torch.NewDisposeScope();
        var bins = ((z - low) / width).floor().clamp(0, Bins - 1).to_type(ScalarType.Int64);
        return nn.functional.cross_entropy(outputs, bins).MoveToOuterDisposeScope();
    }

    protected override Distribution ToDistribution(ReadOnlySpan<double> outputs, int members)
    {
        var p = new double[Bins];
        for (int j = 0; j < members; j++)
        {
            var member = Softmax(outputs.Slice(j * Bins, Bins));
            for (int b = 0; b < Bins; b++) p[b] += member[b] / members;
        }
        var values = new double[Bins];
        var lows = new double[Bins];
        var highs = new double[Bins];
        for (int k = 0; k < Bins; k++)
        {
            lows[k] = low + k * width;
            highs[k] = low + (k + 1) * width;
            values[k] = 0.5 * (lows[k] + highs[k]);
        }
        return new Distribution(values, p, lows, highs, 1.0);
    }

    protected override double LogDensity(ReadOnlySpan<double> outputs, double z)
    {
        double max = double.NegativeInfinity;
        foreach (double o in outputs) max = Math.Max(max, o);
        double sum = 0;
        foreach (double o in outputs) sum += Math.Exp(o - max);
        return outputs[BinOf(z)] - max - Math.Log(sum) - Math.Log(width);
    }

    private static double[] Softmax(ReadOnlySpan<double> o)
    {
        double max = double.NegativeInfinity;
        foreach (double v in o) max = Math.Max(max, v);
        var p = new double[o.Length];
        double sum = 0;
        for (int i = 0; i < p.Length; i++) sum += p[i] = Math.Exp(o[i] - max);
        for (int i = 0; i < p.Length; i++) p[i] /= sum;
        return p;
    }
}
