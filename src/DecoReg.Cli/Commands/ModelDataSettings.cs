using System.ComponentModel;
using DecoReg.Inference;
using Spectre.Console.Cli;

namespace DecoReg.Cli.Commands;

/// <summary>Options of commands that apply a trained model to data (predict, evaluate): the model file and how to decode.</summary>
public class ModelDataSettings : DataSettings
{
    [CommandOption("-m|--model <FILE>")]
    [Description("Model file written by train.")]
    [DefaultValue("model.decoreg")]
    public string Model { get; init; } = "model.decoreg";

    [CommandOption("--samples <N>")]
    [Description("Decode by prefix-sharing sampling of N sequences per row instead of the model's default (exact enumeration).")]
    public int? Samples { get; init; }

    [CommandOption("--task <NAME>")]
    [Description("Multi-task models: the task of every row (else each row's task column, or the model's only task).")]
    public string? Task { get; init; }

    [CommandOption("--exact")]
    [Description("Decode by exact enumeration of the most probable sequences (the default).")]
    public bool Exact { get; init; }

    /// <summary>The decoding options asked for (null = the model's default).</summary>
    public PredictionOptions? ToPredictionOptions(DecodingRegressor model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (Samples is not null && Exact)
            throw new DecoRegException("--samples and --exact exclude each other; give one of them.");
        if (Samples is int n)
        {
            if (n < 1) throw new DecoRegException($"--samples {n}: expected at least 1.");
            var p = model.Options.Prediction;
            return p with { Method = DecodingMethod.PrefixSharing, Sampling = p.Sampling with { Samples = n } };
        }
        return Exact ? model.Options.Prediction with { Method = DecodingMethod.Exact } : null;
    }
}
