using DecoReg.Model;
using DecoReg.Numbers;
using DecoReg.Tests.Model;
using DecoReg.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace DecoReg.Tests.Training;

/// <summary>Target jitter: its scale, reproducibility, and how the decoder objective reads jittered copies.</summary>
public class TargetNoiseTests
{
    [Fact]
    public void SigmaIsAFractionOfTheTargetsStandardDeviationAndDrawsAreSeeded()
    {
        var y = new[] { 1.0, 2.0, 3.0, 4.0, 5.0 };
        Assert.Null(TargetNoise.For(new TrainingOptions { TargetNoise = 0 }, y));
        var a = TargetNoise.For(new TrainingOptions { TargetNoise = 0.1, Seed = 3 }, y)!;
        var b = TargetNoise.For(new TrainingOptions { TargetNoise = 0.1, Seed = 3 }, y)!;
        Assert.Equal(0.1 * Math.Sqrt(2.0), a.Sigma, 1e-12);
        var drawsA = Enumerable.Range(0, 20000).Select(_ => a.Draw()).ToArray();
        var drawsB = Enumerable.Range(0, 20000).Select(_ => b.Draw()).ToArray();
        Assert.Equal(drawsA, drawsB);
        double mean = drawsA.Average(), sd = Math.Sqrt(drawsA.Average(d => (d - mean) * (d - mean)));
        Assert.InRange(mean, -0.01, 0.01);
        Assert.InRange(sd, 0.97 * a.Sigma, 1.03 * a.Sigma);
        Assert.Throws<DecoRegException>(() => new TrainingOptions { TargetNoise = -1 }.Validate());
    }

    [Fact]
    public void JitterIsAddedInTheScaledSpace()
    {
        var y = new[] { 1.0, 2.0, 3.0, 4.0, 5.0 };
        var options = new TrainingOptions { TargetNoise = 0.1, Seed = 3 };
        // A linear scaler changes nothing in target units: σ is measured and applied after it.
        var minMaxScaler = new MinMaxScaler(0, 10);
        var minMax = TargetNoise.For(options, y.Select(minMaxScaler.Transform).ToArray())!;
        Assert.Equal(0.1 * Math.Sqrt(2.0) / 10, minMax.Sigma, 1e-12);
        var linear = Enumerable.Range(0, 20000).Select(_ => minMaxScaler.Inverse(minMaxScaler.Transform(3) + minMax.Draw()) - 3).ToArray();
        Assert.InRange(Math.Sqrt(linear.Average(d => d * d)), 0.97 * 0.1 * Math.Sqrt(2.0), 1.03 * 0.1 * Math.Sqrt(2.0));

        // A warp with a steep piece around the dense targets jitters them less than the sparse one.
        var warp = new QuantileScaler([0, 2, 100], [0, 0.8, 1]);
        var noise = TargetNoise.For(options, new[] { 0.5, 1.0, 1.5, 60.0 }.Select(warp.Transform).ToArray())!;
        double Spread(double at) => Math.Sqrt(Enumerable.Range(0, 5000).Select(_ => warp.Inverse(warp.Transform(at) + noise.Draw()) - at).Average(d => d * d));
        Assert.True(Spread(1.0) * 10 < Spread(60.0), $"{Spread(1.0)} vs {Spread(60.0)}");

        // Jittered copies are encoded from the scaled value directly, with the same edge clamping as targets.
        var encoding = new TargetEncoding(new NormalizedCodec(new NormalizedCodecOptions(10, 2)), minMaxScaler);
        Assert.Equal(encoding.Encode(3), encoding.EncodeScaled(0.3));
        Assert.Equal(encoding.Encode(10), encoding.EncodeScaled(1.2));
        Assert.Equal(encoding.Encode(0), encoding.EncodeScaled(-0.05));
    }

    [Fact]
    public void ObjectiveReadsOneCopyPerRowFromJitteredTargets()
    {
        var codec = new NormalizedCodec(new NormalizedCodecOptions(10, 2));
        using var net = new RandomNetwork(codec);
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var objective = new DecoderObjective(net.Network, net.Grammar);
        var inputs = net.Inputs(4, seed: 2);
        var clean = torch.tensor(new long[] { 1, 2, 3, 4, 5, 6, 7, 8 }, new long[] { 4, 2 });
        var states = torch.tensor(new long[] { 0, 1, 0, 1, 0, 1, 0, 1 }, new long[] { 4, 2 });
        double expected = objective.Loss(new TrainingBatch(inputs, clean, states, null)).item<float>();

        // Three identical copies per row: whichever copy is drawn, the loss is the clean loss.
        var copies = clean.unsqueeze(1).expand(4, 3, 2).contiguous();
        var copyStates = states.unsqueeze(1).expand(4, 3, 2).contiguous();
        double jittered = objective.Loss(new TrainingBatch(inputs, copies, copyStates, null)).item<float>();
        Tolerance.AssertClose(expected, jittered, 1e-5, 1e-6);

        // Copies that differ give a different loss for some draw (the copies are really read).
        var other = torch.stack(new[] { clean, (clean + 1) % 10, (clean + 2) % 10 }, 1);
        var losses = Enumerable.Range(0, 5).Select(_ => (double)objective.Loss(new TrainingBatch(inputs, other, copyStates, null)).item<float>()).ToArray();
        Assert.Contains(losses, l => Math.Abs(l - expected) > 1e-4);
    }
}
