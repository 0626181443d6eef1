using DecoReg.Bench;
using DecoReg.Inference;
using DecoReg.Model;

namespace DecoReg.Tests.Bench;

public class LogScaleMetricsTests
{
    /// <summary>A one-atom distribution at <paramref name="value"/> (its median is the value).</summary>
    private static Distribution Point(double value) => new([value], [1.0], [value - 0.5], [value + 0.5], 1.0);

    [Fact]
    public void ScoresTheMedianInSignedLogSpace()
    {
        double[] y = [0, 9, 99, 999, -99];
        var perfect = LogScaleMetrics.Compute(y.Select(Point).ToArray(), y);
        Assert.Equal(1.0, perfect.Spearman, 12);
        Assert.Equal(1.0, perfect.Kendall, 12);
        Assert.Equal(1.0, perfect.R2Log, 12);
        Assert.Equal(0.0, perfect.RmseLog, 12);

        // Each prediction one decade too high in t = sign(y)·log10(1 + |y|): RMSE 1, ranks unchanged.
        double[] t = y.Select(TextLightGbmBaseline.SignedLog10).ToArray();
        var shifted = LogScaleMetrics.Compute(t.Select(v => Point(TextLightGbmBaseline.InverseSignedLog10(v + 1))).ToArray(), y);
        Assert.Equal(1.0, shifted.RmseLog, 9);
        Assert.Equal(1.0, shifted.Spearman, 12);
        double mean = t.Average(), variance = t.Sum(v => (v - mean) * (v - mean)) / t.Length;
        Assert.Equal(1 - 1 / variance, shifted.R2Log, 9);
    }

    [Fact]
    public void FlopEstimateFollowsTheDocumentedFormula()
    {
        var network = new TransformerOptions { ModelDim = 2, FeedForwardDim = 4, EncoderLayers = 1, DecoderLayers = 1 };
        // n = 3, m = 1, V = 5: encoder 2·3·(16 + 16) + 4·9·2 = 264; decoder 2·(24 + 16) + 4·3·4 + 4·2 + 4·3·2 = 160; head 2·2·5 = 20.
        Assert.Equal(3 * (264 + 160 + 20), TrainingThroughput.EstimateFlopsPerExample(network, 3, 1, 5), 9);
        Assert.True(MatmulPeak.MeasureGflops(size: 64, seconds: 0.05) > 0);

        // The MLP backbone over n = 3 columns, w = 4 units, L = 2 blocks, t = 2 memory tokens: 2·(3·2·4 + 16 + 4·2·2) = 112;
        // the decoder then reads n = 2 tokens: 2·(24 + 16) + 4·2·4 + 4·2 + 4·2·2 = 136; head 20; two members double it.
        var mlp = network with { Backbone = BackboneKind.Mlp, MlpWidth = 4, EncoderLayers = 2, MemoryTokens = 2, Members = 2 };
        Assert.Equal(3 * 2 * (112 + 136 + 20), TrainingThroughput.EstimateFlopsPerExample(mlp, 3, 1, 5), 9);
        // Over a text's n-gram bag (an input vector of w = 4 units, however many tokens the text has): 2·(4·4 + 16 + 16) = 96.
        Assert.Equal(3 * 2 * (96 + 136 + 20), TrainingThroughput.EstimateFlopsPerExample(mlp, 240, 1, 5, mlpInputs: 4), 9);
    }
}
