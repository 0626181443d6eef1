using DecoReg.Inference;
using DecoReg.Numbers;
using DecoReg.Tests.Model;
using TorchSharp;

namespace DecoReg.Tests.Inference;

/// <summary>
/// Independent ancestral sampling, prefix-sharing sampling and exact enumeration describe one distribution: a
/// chi-square goodness-of-fit test of each sampler's counts against the exact probabilities (seeded, so the test is
/// deterministic; α = 0.001).
/// </summary>
public class SamplerAgreementTests
{
    private static readonly NormalizedCodec Codec = new(new NormalizedCodecOptions(4, 2)); // 16 sequences

    [Fact]
    public void SamplersMatchExactDistribution()
    {
        using var net = new RandomNetwork(Codec, seed: 3);
        using var scope = torch.NewDisposeScope();
        var inputs = net.Inputs(2, seed: 1);
        var exact = new ExactEnumerator(mass: 1.0).Decode(net.Network, net.Grammar, inputs);
        Assert.All(exact, d => Assert.Equal(16, d.Count));
        Assert.All(exact, d => Assert.InRange(d.CoveredMass, 0.99999, 1.00001));

        const int samples = 20000;
        var options = new SamplingOptions { Samples = samples, Seed = 42 };
        var samplers = new (IDecodingStrategy Sampler, int Samples)[]
        {
            (new AncestralSampler(options), samples),
            (new PrefixSharingSampler(options), samples),
            (new AncestralSampler(options with { Samples = 4000 }, useCache: false), 4000),
        };
        foreach (var (sampler, n) in samplers)
        {
            var drawn = sampler.Decode(net.Network, net.Grammar, inputs);
            for (int row = 0; row < 2; row++)
            {
                double chi2 = ChiSquare(exact[row], drawn[row], n);
                // df = 15; the 0.999 quantile of chi-square(15) is 37.70.
                Assert.True(chi2 < 37.70, $"{sampler.Name}, row {row}: chi-square {chi2:F1} over 16 cells (n = {n}) rejects agreement");
            }
        }
    }

    [Fact]
    public void ChiSquareDetectsADifferentDistribution()
    {
        // The same statistic must reject samples from another input's distribution (the test can fail).
        using var net = new RandomNetwork(Codec, seed: 3);
        using var scope = torch.NewDisposeScope();
        var inputs = net.Inputs(2, seed: 1);
        var exact = new ExactEnumerator(mass: 1.0).Decode(net.Network, net.Grammar, inputs);
        var drawn = new PrefixSharingSampler(new SamplingOptions { Samples = 20000, Seed = 1 }).Decode(net.Network, net.Grammar, inputs);
        Assert.True(ChiSquare(exact[0], drawn[1], 20000) > 37.70);
    }

    [Fact]
    public void PrefixSharingLeavesAreDistinctSequencesWithCountFrequencies()
    {
        // The speed-up itself is measured in bench/DecodingSpeed; here: each leaf is one distinct complete sequence
        // whose probability is its share of the S draws.
        const int samples = 512;
        using var net = new RandomNetwork(new NormalizedCodec(new NormalizedCodecOptions(10, 3)), seed: 3);
        using var scope = torch.NewDisposeScope();
        var inputs = net.Inputs(1, seed: 1);
        var d = new PrefixSharingSampler(new SamplingOptions { Samples = samples }).Decode(net.Network, net.Grammar, inputs)[0];
        var keys = Enumerable.Range(0, d.Count).Select(i => Key(d.Sequence(i))).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.True(d.Count < samples, "an untrained but non-uniform model repeats some sequences among 512 draws");
        Assert.All(d.Probabilities, p => Assert.Equal(Math.Round(p * samples), p * samples, 1e-9));
        Assert.Equal(1.0, d.Probabilities.Sum(), 1e-9);
    }

    /// <summary>Pearson's statistic of a sampler's frequencies (from <paramref name="samples"/> draws) against exact probabilities.</summary>
    private static double ChiSquare(SequenceDistribution exact, SequenceDistribution drawn, int samples)
    {
        var observed = new Dictionary<string, double>();
        for (int i = 0; i < drawn.Count; i++) observed[Key(drawn.Sequence(i))] = drawn.Probabilities[i] * samples;
        double chi2 = 0;
        for (int i = 0; i < exact.Count; i++)
        {
            double expected = exact.Probabilities[i] * samples;
            double got = observed.GetValueOrDefault(Key(exact.Sequence(i)));
            chi2 += (got - expected) * (got - expected) / expected;
        }
        return chi2;
    }

    private static string Key(ReadOnlySpan<int> seq) => string.Join(",", seq.ToArray());
}
