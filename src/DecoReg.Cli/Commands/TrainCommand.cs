using System.ComponentModel;
using System.Globalization;
using DecoReg.Data;
using DecoReg.Inputs;
using DecoReg.Model;
using DecoReg.Numbers;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DecoReg.Cli.Commands;

/// <summary>
/// <c>decoreg train</c>: reads a table, trains a decoding regressor with progress display and writes the model file
/// (refusing to overwrite it without --force, checked before training starts).
/// </summary>
public sealed class TrainCommand(IAnsiConsole console) : Command<TrainCommand.Settings>
{
    public class Settings : TrainingSettings
    {
        [CommandOption("--valid <FILE>")]
        [Description("Validation data for early stopping (same columns; a table file, not uci: data — with uci: data the hold-out is always --valid-fraction of the split's training rows, never its test rows). Default: hold out --valid-fraction of the training rows.")]
        public string? Valid { get; init; }

        [CommandOption("-m|--model <FILE>")]
        [Description("Model file to write.")]
        [DefaultValue("model.decoreg")]
        public string Model { get; init; } = "model.decoreg";

        [CommandOption("-f|--force")]
        [Description("Overwrite an existing model file.")]
        public bool Force { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Valid is not null && settings.ValidFraction is not null)
            throw new DecoRegException("--valid and --valid-fraction exclude each other; give one of them.");
        var options = BuildOptions(settings);
        OutputFiles.CheckWritable(settings.Model, settings.Force, "model file"); // before any work
        var (train, valid) = LoadData(settings);
        Run(console, settings, options, train, valid, cancellationToken);
        return ErrorHandling.Ok;
    }

    /// <summary>Trains with progress, writes the model file and prints the summaries (shared with pretrain).</summary>
    internal static void Run(IAnsiConsole console, Settings settings, RegressorOptions options, Dataset train, Dataset? valid,
        CancellationToken cancellation)
    {
        var model = TrainingDisplay.Train(console,
            progress => DecodingRegressor.Train(train, options, valid, progress, cancellation),
            options.Training.Epochs);
        using (model) Finish(console, model, settings.Model, settings.Force);
    }

    /// <summary>Saves a trained model and prints what training did (training, tasks, inputs).</summary>
    internal static void Finish(IAnsiConsole console, DecodingRegressor model, string path, bool force)
    {
        model.Save(path, overwrite: force);
        TrainingDisplay.Summary(console, model.TrainingReport!, model.Learned, model.Network, path);
        TrainingDisplay.TaskSummary(console, model);
        TrainingDisplay.Inputs(console, model.Schema, model.Learned.Text);
    }

    /// <summary>Regressor options from the command line (validated before any data is read).</summary>
    internal static RegressorOptions BuildOptions(TrainingSettings s)
    {
        var o = new RegressorOptions();
        if (s.AnyCodecOption) o = o with { Codec = s.ToCodecOptions("normalized") };
        if (s.Scaling is not null)
        {
            // auto leaves the selection to the data (null); minmax and select decide it.
            (TargetScaling scaling, bool? select) = s.Scaling.Trim().ToLowerInvariant() switch
            {
                "auto" => (TargetScaling.Auto, (bool?)null),
                "minmax" => (TargetScaling.Auto, false),
                "select" => (TargetScaling.Auto, true),
                "standardize" => (TargetScaling.Standardize, null),
                "signedlog" => (TargetScaling.SignedLog, null),
                "quantile" => (TargetScaling.Quantile, null),
                _ => throw new DecoRegException($"--scaling '{s.Scaling}': expected auto, minmax, standardize, signedlog, quantile or select."),
            };
            o = o with { Scaling = scaling, SelectScaling = select };
        }
        var t = o.Training;
        if (s.ValidFraction is double f) t = t with { ValidationFraction = f };
        if (s.Epochs is int e) t = t with { Epochs = e };
        if (s.Patience is int p) t = t with { Patience = p };
        if (s.Seed is int seed) t = t with { Seed = seed };
        if (s.TimeLimit is double seconds)
        {
            if (!(seconds > 0) || !double.IsFinite(seconds))
                throw new DecoRegException($"--time-limit {seconds.ToString(CultureInfo.InvariantCulture)}: expected a positive number of seconds.");
            t = t with { TimeLimit = TimeSpan.FromSeconds(seconds) };
        }
        o = o with { Training = t };
        if (s.ModelDim is int d)
        {
            o = o with { Network = o.Network with { ModelDim = d, FeedForwardDim = Math.Max(4, 4 * d) } };
        }
        if (s.Backbone is not null)
        {
            var backbone = s.Backbone.Trim().ToLowerInvariant() switch
            {
                "auto" => Model.BackboneKind.Auto,
                "mlp" => Model.BackboneKind.Mlp,
                "transformer" => Model.BackboneKind.Transformer,
                _ => throw new DecoRegException($"--backbone '{s.Backbone}': expected auto, mlp or transformer."),
            };
            o = o with { Network = o.Network with { Backbone = backbone } };
        }
        if (s.Members is int k)
        {
            if (k is < 1 or > Model.TransformerOptions.MaxMembers)
                throw new DecoRegException($"--members {k}: expected between 1 and {Model.TransformerOptions.MaxMembers}.");
            o = o with { Network = o.Network with { Members = k } };
        }
        if (s.MembersPerRow is int perRow)
        {
            if (perRow < 1) throw new DecoRegException($"--members-per-row {perRow}: expected at least 1 (a number of members, all of them from --members on).");
            o = o with { Training = o.Training with { MembersPerRow = perRow } };
        }
        if (s.Ensemble is int networks) o = o with { EnsembleSize = networks };
        o = o with { Inputs = TextInputSettings.Options(s) };
        if (o.Inputs.Mode == InputMode.Text && s.Epochs is null)
            o = o with { Training = o.Training with { Epochs = TextInputSettings.DefaultEpochs, Patience = s.Patience ?? TextInputSettings.DefaultPatience } };
        o.Validate(); // training, network and ensemble options together
        return o;
    }

    private static (Dataset Train, Dataset? Valid) LoadData(Settings s)
    {
        var train = s.LoadDataset();
        if (s.Valid is null) return (train, null);
        if (TableLoader.IsUci(s.Valid) || TableLoader.IsUci(s.RequireData()))
            throw new DecoRegException(
                $"--valid {s.Valid}: not available with uci: data (it would be the split's test rows); the hold-out is --valid-fraction of the split's training rows.");
        return (train, TableLoader.LoadDataset(s.Valid, s.Target, s.Drop));
    }
}
