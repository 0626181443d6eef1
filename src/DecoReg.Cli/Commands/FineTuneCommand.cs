using System.ComponentModel;
using System.Globalization;
using DecoReg.Data;
using DecoReg.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DecoReg.Cli.Commands;

/// <summary>
/// <c>decoreg finetune</c>: adapts a pretrained model to a new task from a few hundred rows (or fewer): the same
/// vocabulary, codec and network, a target scaler fitted on the new rows, every weight (or only the decoder) trained
/// with a small learning rate and early stopping on a hold-out of the rows. Writes an ordinary model file.
/// </summary>
public sealed class FineTuneCommand(IAnsiConsole console) : Command<FineTuneCommand.Settings>
{
    public sealed class Settings : DataSettings
    {
        [CommandOption("--from <FILE>")]
        [Description("The pretrained model file (written by pretrain, or any model file).")]
        public string? From { get; init; }

        [CommandOption("--task <NAME>")]
        [Description("Name of the new task (default: the data's task column, else the data file's name).")]
        public string? Task { get; init; }

        [CommandOption("--decoder-only")]
        [Description("Train only the decoder; the encoder keeps its pretrained weights (cheaper; default: every weight).")]
        public bool DecoderOnly { get; init; }

        [CommandOption("--no-temperature")]
        [Description("Skip fitting a softmax temperature on the hold-out after fine-tuning (default: fitted, which widens the over-confident distributions a model adapted from few rows gives).")]
        public bool NoTemperature { get; init; }

        [CommandOption("--epochs <N>")]
        [Description("Maximum epochs (default 40; early stopping usually ends sooner).")]
        public int? Epochs { get; init; }

        [CommandOption("--patience <N>")]
        [Description("Stop after N epochs without a better validation loss (default 6).")]
        public int? Patience { get; init; }

        [CommandOption("--learning-rate <LR>")]
        [Description("Peak learning rate (default 0.0003, a third of training from scratch's).")]
        public double? LearningRate { get; init; }

        [CommandOption("--table-lr-scale <X>")]
        [Description("Learning rate of the n-gram bag's table (text models) as a multiple of --learning-rate (default 30: the new task's n-grams need to be learned, the rest of the network only nudged).")]
        public double? TableLearningRateScale { get; init; }

        [CommandOption("--valid-fraction <F>")]
        [Description("Fraction of the rows held out for early stopping (default 0.2).")]
        public double? ValidFraction { get; init; }

        [CommandOption("--seed <S>")]
        [Description("Seed for shuffling, dropout and the hold-out (default 0).")]
        public int? Seed { get; init; }

        [CommandOption("-m|--model <FILE>")]
        [Description("Model file to write.")]
        [DefaultValue("finetuned.decoreg")]
        public string Model { get; init; } = "finetuned.decoreg";

        [CommandOption("-f|--force")]
        [Description("Overwrite an existing model file.")]
        public bool Force { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (string.IsNullOrWhiteSpace(settings.From)) throw new DecoRegException("no pretrained model given; use --from FILE");
        var options = Options(settings);
        OutputFiles.CheckWritable(settings.Model, settings.Force, "model file");
        using var pretrained = DecodingRegressor.Load(settings.From);
        string spec = settings.RequireData();
        if (TableLoader.IsUci(spec)) throw new DecoRegException($"{spec}: finetune reads table files (CSV, JSON Lines, Parquet), not uci: folders");
        var data = TableLoader.LoadDataset(spec, settings.Target ?? pretrained.TargetColumn, settings.Drop);
        string? task = settings.Task;
        if (task is null && pretrained.Learned.TaskColumn is { } column && !data.Features.HasColumn(column))
            task = Path.GetFileNameWithoutExtension(spec);
        var model = TrainingDisplay.Train(console,
            progress => pretrained.FineTune(data, options, task, progress, cancellationToken),
            options.Training.Epochs);
        using (model) TrainCommand.Finish(console, model, settings.Model, settings.Force);
        return ErrorHandling.Ok;
    }

    private static FineTuneOptions Options(Settings s)
    {
        var o = new FineTuneOptions { Scope = s.DecoderOnly ? FineTuneScope.Decoder : FineTuneScope.All, CalibrateTemperature = !s.NoTemperature };
        var t = o.Training;
        if (s.Epochs is int e) t = t with { Epochs = e };
        if (s.Patience is int p) t = t with { Patience = p };
        if (s.LearningRate is double lr)
            t = lr > 0 && double.IsFinite(lr) ? t with { LearningRate = lr }
                : throw new DecoRegException($"--learning-rate {lr.ToString(CultureInfo.InvariantCulture)}: expected a positive number, e.g. 0.0003");
        if (s.TableLearningRateScale is double ts)
            t = ts > 0 && double.IsFinite(ts) ? t with { TableLearningRateScale = ts }
                : throw new DecoRegException($"--table-lr-scale {ts.ToString(CultureInfo.InvariantCulture)}: expected a positive multiple of the learning rate, e.g. 30 (the default) or 1 (the network's rate)");
        if (s.ValidFraction is double f) t = t with { ValidationFraction = f };
        if (s.Seed is int seed) t = t with { Seed = seed };
        o = o with { Training = t };
        o.Validate();
        return o;
    }
}
