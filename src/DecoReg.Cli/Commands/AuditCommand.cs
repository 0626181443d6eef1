using System.ComponentModel;
using System.Globalization;
using DecoReg.Cli.Plots;
using DecoReg.Data;
using DecoReg.Evaluation;
using DecoReg.Uncertainty;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DecoReg.Cli.Commands;

/// <summary>
/// <c>decoreg audit</c>: ranks labelled rows by how implausible their label is. Cross-fitted: the rows are dealt into
/// folds and each fold is scored by a model trained on the others (<see cref="CrossFitting"/>), so a wrong label cannot
/// explain itself. Writes a CSV, most suspicious first (row, label, predictive median and interval, PIT, surprise
/// −log p(y), tail score, score), optionally a histogram of the scores, and prints the top rows. Takes the training
/// options of <c>train</c> for the K models.
/// </summary>
public sealed class AuditCommand(IAnsiConsole console) : Command<AuditCommand.Settings>
{
    public sealed class Settings : TrainingSettings
    {
        [CommandOption("--folds <K>")]
        [Description("Folds of the cross-fitting: K models, each trained on K − 1 folds (default 5).")]
        [DefaultValue(5)]
        public int Folds { get; init; } = 5;

        [CommandOption("--score <SCORE>")]
        [Description("surprise (−log p(y), default: ranked injected errors best on UCI data) or tail (−log of the two-sided PIT tail probability, scale-free).")]
        public string? Score { get; init; }

        [CommandOption("--id <COL>")]
        [Description("Column whose values identify the rows in the output (default: 1-based row number in the data).")]
        public string? Id { get; init; }

        [CommandOption("-o|--out <FILE>")]
        [Description("CSV file to write (default: standard output).")]
        public string? Out { get; init; }

        [CommandOption("--plot <FILE>")]
        [Description("Also write a histogram of the audit scores (PNG).")]
        public string? Plot { get; init; }

        [CommandOption("--top <N>")]
        [Description("Rows to list on the console when --out is given (default 10).")]
        [DefaultValue(10)]
        public int Top { get; init; } = 10;

        [CommandOption("-f|--force")]
        [Description("Overwrite existing output files.")]
        public bool Force { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var score = settings.Score?.Trim().ToLowerInvariant() switch
        {
            null or "surprise" => AuditScore.Surprise,
            "tail" => AuditScore.Tail,
            _ => throw new DecoRegException($"--score '{settings.Score}': expected surprise or tail."),
        };
        if (settings.Folds is < 2 or > 50) throw new DecoRegException($"--folds {settings.Folds}: expected 2 to 50 folds.");
        var options = TrainCommand.BuildOptions(settings);
        if (settings.Out is not null) OutputFiles.CheckWritable(settings.Out, settings.Force);
        if (settings.Plot is not null) OutputFiles.CheckWritable(settings.Plot, settings.Force, "plot file");
        var (data, ids) = Load(settings);

        // Progress goes to the console only when the CSV goes to a file (standard output then carries the CSV alone).
        var fit = CrossFitting.Run(data, options, settings.Folds, settings.Out is null ? null : new Progress(console), cancellationToken);
        var ranked = LabelAudit.Rank(fit.Distributions, data.Targets, fit.LogLikelihoods, score);
        string[] header = [settings.Id ?? "row", "label", "median", "q0.05", "q0.95", "pit", "surprise", "tail", "score", "fold"];
        var rows = ranked.Select(r => new[] { ids[r.Row] }.Concat(new[] { r.Label, r.Median, r.Low, r.High, r.Pit, r.Surprise, r.Tail, r.Score }
            .Select(CliNumbers.Format)).Append((fit.Folds[r.Row] + 1).ToString(CultureInfo.InvariantCulture)));
        OutputFiles.WriteOrPrint(console, settings.Out, CsvText.Build(header, rows), settings.Force);
        if (settings.Plot is not null)
            PlotWriter.Save(PlotWriter.AuditScores(ranked.Select(r => r.Score).ToArray(), 0.05, data.Name), settings.Plot);
        if (settings.Out is not null) Top(ranked, ids, settings.Top);
        return ErrorHandling.Ok;
    }

    private void Top(IReadOnlyList<AuditRow> ranked, string[] ids, int count)
    {
        var table = new Spectre.Console.Table().Title($"least plausible labels (of {ranked.Count})").AddColumns("row", "label", "median", "90 % interval", "score");
        foreach (var r in ranked.Take(Math.Max(0, count)))
            table.AddRow(new Text(ids[r.Row]), new Text(MetricsView.F(r.Label)), new Text(MetricsView.F(r.Median)),
                new Text($"[{MetricsView.F(r.Low)}, {MetricsView.F(r.High)}]"), new Text(MetricsView.F(r.Score)));
        console.Write(table);
    }

    /// <summary>
    /// The labelled rows and their ids: the --id column's values (read from the same table, then left out of the features
    /// like a dropped column), else 1-based row numbers in the source.
    /// </summary>
    private static (Dataset Data, string[] Ids) Load(Settings s)
    {
        if (s.Id is not { } idColumn)
        {
            var data = s.LoadDataset();
            return (data, ModelData.RowIds(data.Features));
        }
        string spec = s.RequireData();
        if (TableLoader.IsUci(spec)) throw new DecoRegException($"{spec}: --id applies to table files only.");
        s.UciSelection(spec, UciPart.Train);
        var table = TableLoader.ReadTable(spec);
        int c = table.ColumnIndex(idColumn);
        var ids = Enumerable.Range(0, table.RowCount).Select(r => table.Cell(r, c) ?? "").ToArray();
        var labelled = Dataset.FromTable(table, s.Target ?? throw new DecoRegException($"{spec}: no target column given; name the column to predict."),
            [.. s.Drop.Append(idColumn).Distinct()]);
        return (labelled, ids);
    }

    private sealed class Progress(IAnsiConsole console) : IProgress<string>
    {
        public void Report(string value) => console.WriteLine(value);
    }
}
