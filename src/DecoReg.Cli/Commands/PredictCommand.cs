using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DecoReg.Cli.Commands;

/// <summary>
/// <c>decoreg predict</c>: one CSV row per input row with the predictive mean, median, standard deviation and the
/// requested quantiles; written atomically to --out (never left partial) or to stdout.
/// </summary>
public sealed class PredictCommand(IAnsiConsole console) : Command<PredictCommand.Settings>
{
    public sealed class Settings : ModelDataSettings
    {
        [CommandOption("-o|--out <FILE>")]
        [Description("CSV file to write (default: standard output).")]
        public string? Out { get; init; }

        [CommandOption("-q|--quantiles <LEVELS>")]
        [Description("Comma-separated quantile levels in (0, 1), one column each (e.g. q0.05).")]
        [DefaultValue("0.05,0.5,0.95")]
        public string Quantiles { get; init; } = "0.05,0.5,0.95";

        [CommandOption("--id <COL>")]
        [Description("Column whose values identify the rows in the output (default: 1-based row number in the data).")]
        public string? Id { get; init; }

        [CommandOption("-f|--force")]
        [Description("Overwrite an existing output file.")]
        public bool Force { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var levels = ParseLevels(settings.Quantiles);
        if (settings.Out is not null) OutputFiles.CheckWritable(settings.Out, settings.Force);
        using var model = DecodingRegressor.Load(settings.Model);
        var prediction = settings.ToPredictionOptions(model);
        var (features, ids) = ModelData.Features(model, settings, settings.Id);
        var distributions = model.PredictBatch(features, prediction, settings.Task);

        var header = new List<string> { settings.Id ?? "row", "mean", "median", "std" };
        header.AddRange(levels.Select(q => "q" + CliNumbers.Format(q)));
        var rows = distributions.Select((d, i) => new[] { ids[i] }.Concat(
            new[] { d.Mean, d.Median, d.StdDev }.Concat(levels.Select(d.Quantile)).Select(CliNumbers.Format)));
        OutputFiles.WriteOrPrint(console, settings.Out, CsvText.Build(header, rows), settings.Force);
        return ErrorHandling.Ok;
    }

    /// <summary>Quantile levels from "0.05,0.5,0.95": each in (0, 1), duplicates removed, order kept.</summary>
    public static double[] ParseLevels(string text)
    {
        var parts = (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) throw new DecoRegException("--quantiles: expected levels such as 0.05,0.5,0.95");
        var levels = new List<double>();
        foreach (var p in parts)
        {
            if (!double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out double q) || !(q > 0 && q < 1))
                throw new DecoRegException($"--quantiles: '{p}' is not a level in (0, 1); expected e.g. 0.05,0.5,0.95");
            if (!levels.Contains(q)) levels.Add(q);
        }
        return levels.ToArray();
    }
}
