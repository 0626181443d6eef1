using DecoReg.Inference;
using DecoReg.Model;

namespace DecoReg.Training;

/// <summary>
/// Teacher-forced, grammar-masked log-likelihood of each target under one network or an ensemble's mixture, as a
/// log-density in the target's units (used for NLL evaluation and for choosing a scaling on the hold-out).
/// </summary>
public static class EnsembleLikelihood
{
    public static double[] LogDensities(IReadOnlyList<EncoderDecoder> networks, GrammarTensors grammar,
        TrainingSetBuilder builder, Dataset data)
    {
        using var inference = torch.inference_mode();
        using var scope = torch.NewDisposeScope();
        using var set = builder.Build(data);
        return LogDensities(networks, grammar, builder, set, data);
    }

    /// <summary>As above, for a set already built without jitter from <paramref name="data"/> (e.g. a training run's hold-out).</summary>
    public static double[] LogDensities(IReadOnlyList<EncoderDecoder> networks, GrammarTensors grammar,
        TrainingSetBuilder builder, TrainingSet set, Dataset data)
    {
        using var inference = torch.inference_mode();
        using var scope = torch.NewDisposeScope();
        var perMember = networks.Select(network =>
        {
            network.eval();
            return new DecoderObjective(network, grammar).SequenceLogProbabilities(set);
        }).ToArray();
        return MixtureDecoder.LogLikelihood(perMember, builder.LogDensityCorrections(set, data));
    }
}
