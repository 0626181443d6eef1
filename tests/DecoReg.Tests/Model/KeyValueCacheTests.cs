using DecoReg.Numbers;
using TorchSharp;
using static TorchSharp.torch;

namespace DecoReg.Tests.Model;

/// <summary>Incremental decoding with the key/value cache must give the logits of a full recompute.</summary>
public class KeyValueCacheTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void CachedStepsEqualFullForward(int rows)
    {
        var codec = new NormalizedCodec(new NormalizedCodecOptions(10, 4));
        using var net = new RandomNetwork(codec);
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var inputs = net.Inputs(rows, seed: 3);
        var rng = new Random(5);
        var targets = new long[rows * codec.Length];
        for (int i = 0; i < targets.Length; i++) targets[i] = rng.Next(10);
        var targetTensor = torch.tensor(targets, new long[] { rows, codec.Length });

        var full = net.Network.Forward(inputs, targetTensor); // [rows, L, V]

        var cache = net.Network.StartDecoding(inputs);
        var feed = torch.full(rows, net.Network.BeginToken, ScalarType.Int64);
        for (int t = 0; t < codec.Length; t++)
        {
            var step = net.Network.Step(cache, feed);
            var expected = full.select(1, t);
            double diff = (step - expected).abs().max().item<float>();
            Assert.True(diff < 1e-4, $"position {t}: cached and full logits differ by {diff}");
            feed = targetTensor.select(1, t);
        }
    }

    [Fact]
    public void SelectDuplicatesLiveSequencesConsistently()
    {
        var codec = new NormalizedCodec(new NormalizedCodecOptions(10, 3));
        using var net = new RandomNetwork(codec);
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var inputs = net.Inputs(2, seed: 11);
        var cache = net.Network.StartDecoding(inputs);
        net.Network.Step(cache, torch.full(2, net.Network.BeginToken, ScalarType.Int64));
        // Row 1 duplicated twice, row 0 once, then feed the same token: duplicates must agree with each other and
        // with a fresh decode of the same prefix.
        cache.Select(torch.tensor(new long[] { 1, 0, 1 }));
        var logits = net.Network.Step(cache, torch.tensor(new long[] { 4, 4, 4 }));
        Assert.True((logits[0] - logits[2]).abs().max().item<float>() < 1e-6);

        var prefix = torch.tensor(new long[] { 4, 0, 4, 0 }, new long[] { 2, 2 });
        var full = net.Network.Forward(inputs, prefix).select(1, 1);
        Assert.True((logits[0] - full[1]).abs().max().item<float>() < 1e-4);
        Assert.True((logits[1] - full[0]).abs().max().item<float>() < 1e-4);
    }
}
