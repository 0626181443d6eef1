using System.ComponentModel;
using DecoReg.Data;
using DecoReg.Inference;
using Spectre.Console.Cli;

namespace DecoReg.Cli.Commands;

/// <summary>Where data comes from: --data plus the options that pick rows and columns out of it.</summary>
public interface IDataSettings
{
    string? Data { get; }
    string? Target { get; }
    string[] Drop { get; }
    int? Split { get; }
    string? Part { get; }
}

/// <summary>Parsing of the shared data options (kept in one place so every command treats them alike).</summary>
public static class DataOptions
{
    /// <summary>The --data argument, required.</summary>
    public static string RequireData(IDataSettings s, string option = "--data") =>
        string.IsNullOrWhiteSpace(s.Data)
            ? throw new DecoRegException($"no data given; use {option} FILE ({TableLoader.FormatsHelp})")
            : s.Data;

    /// <summary>The UCI split and side: --split (default 0) and --part (default <paramref name="defaultPart"/>);
    /// both only make sense for uci: data.</summary>
    public static (int Split, UciPart Part) UciSelection(IDataSettings s, string spec, UciPart defaultPart)
    {
        if (!TableLoader.IsUci(spec))
        {
            if (s.Split is not null || s.Part is not null)
                throw new DecoRegException($"{spec}: --split and --part apply to uci:DIR data only.");
            return (0, defaultPart);
        }
        int split = s.Split ?? 0;
        if (split < 0) throw new DecoRegException($"--split {split}: expected a split number 0, 1, ...");
        var part = s.Part?.Trim().ToLowerInvariant() switch
        {
            null => defaultPart,
            "train" => UciPart.Train,
            "test" => UciPart.Test,
            _ => throw new DecoRegException($"--part '{s.Part}': expected train or test."),
        };
        return (split, part);
    }
}

/// <summary>Options of commands that apply a trained model to data (predict, evaluate).</summary>
public class ModelDataSettings : CommandSettings, IDataSettings
{
    [CommandOption("-m|--model <FILE>")]
    [Description("Model file written by train.")]
    [DefaultValue("model.decoreg")]
    public string Model { get; init; } = "model.decoreg";

    [CommandOption("-d|--data <FILE>")]
    [Description("Data: CSV with header (.csv/.tsv), JSON Lines (.jsonl), Parquet (.parquet) or uci:DIR.")]
    public string? Data { get; init; }

    [CommandOption("-t|--target <COL>")]
    [Description("Target column, dropped from the features when present. Default: the one data column the model does not use.")]
    public string? Target { get; init; }

    [CommandOption("--drop <COL>")]
    [Description("A column to leave out of the features, as in training (repeat for several).")]
    public string[] Drop { get; init; } = [];

    [CommandOption("--split <N>")]
    [Description("uci: data: split number (default 0).")]
    public int? Split { get; init; }

    [CommandOption("--part <PART>")]
    [Description("uci: data: train or test rows of the split (default test).")]
    public string? Part { get; init; }

    [CommandOption("--samples <N>")]
    [Description("Decode by prefix-sharing sampling of N sequences per row instead of the model's default (exact enumeration).")]
    public int? Samples { get; init; }

    [CommandOption("--exact")]
    [Description("Decode by exact enumeration of the most probable sequences (the default).")]
    public bool Exact { get; init; }

    /// <summary>The decoding options asked for (null = the model's default).</summary>
    public PredictionOptions? ToPredictionOptions(DecodingRegressor model)
    {
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
