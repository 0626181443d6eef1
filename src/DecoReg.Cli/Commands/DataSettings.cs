using System.ComponentModel;
using DecoReg.Data;
using Spectre.Console.Cli;

namespace DecoReg.Cli.Commands;

/// <summary>
/// Where data comes from: --data plus the options that pick rows and columns out of it, declared once for every
/// command that reads data (train, tokenize, predict, evaluate) and parsed here so every command treats them alike.
/// </summary>
public class DataSettings : CommandSettings
{
    [CommandOption("-d|--data <FILE>")]
    [Description("Data: CSV with header (.csv/.tsv), JSON Lines (.jsonl), Parquet (.parquet) or uci:DIR. pretrain: repeat for one file per task.")]
    public string[] Data { get; init; } = [];

    [CommandOption("-t|--target <COL>")]
    [Description("Column to predict (numeric). Not used with uci: data, whose target is fixed. predict, evaluate: dropped from the features when present; default: the one data column the model does not use.")]
    public string? Target { get; init; }

    [CommandOption("--drop <COL>")]
    [Description("A column to leave out of the features, as in training (repeat for several).")]
    public string[] Drop { get; init; } = [];

    [CommandOption("--split <N>")]
    [Description("uci: data: split number (default 0).")]
    public int? Split { get; init; }

    [CommandOption("--part <PART>")]
    [Description("uci: data: train or test rows of the split (default test for predict and evaluate, train otherwise).")]
    public string? Part { get; init; }

    /// <summary>The --data argument, required.</summary>
    public string RequireData(string option = "--data") =>
        Data.Length == 0 || string.IsNullOrWhiteSpace(Data[0])
            ? throw new DecoRegException($"no data given; use {option} FILE ({TableLoader.FormatsHelp})")
            : Data.Length > 1 ? throw new DecoRegException($"{option} given {Data.Length} times; this command reads one data file (pretrain reads several)")
            : Data[0];

    /// <summary>The UCI split and side: --split (default 0) and --part (default <paramref name="defaultPart"/>);
    /// both only make sense for uci: data.</summary>
    public (int Split, UciPart Part) UciSelection(string spec, UciPart defaultPart)
    {
        if (!TableLoader.IsUci(spec))
        {
            if (Split is not null || Part is not null)
                throw new DecoRegException($"{spec}: --split and --part apply to uci:DIR data only.");
            return (0, defaultPart);
        }
        int split = Split ?? 0;
        if (split < 0) throw new DecoRegException($"--split {split}: expected a split number 0, 1, ...");
        var part = Part?.Trim().ToLowerInvariant() switch
        {
            null => defaultPart,
            "train" => UciPart.Train,
            "test" => UciPart.Test,
            _ => throw new DecoRegException($"--part '{Part}': expected train or test."),
        };
        return (split, part);
    }

    /// <summary>The dataset of --data as training reads it: the rows of --part (default train) and the --target column.</summary>
    public Dataset LoadDataset()
    {
        string spec = RequireData();
        var (split, part) = UciSelection(spec, UciPart.Train);
        return TableLoader.LoadDataset(spec, Target, Drop, split, part);
    }
}
