using System.ComponentModel;
using System.Globalization;
using DecoReg.Uncertainty;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DecoReg.Cli.Commands;

/// <summary>
/// <c>decoreg acquire</c>: which unlabelled rows to label next (batch active learning). Ranks the pool by an
/// uncertainty score (default: the members' disagreement; the predictive std for a model without members) and picks a
/// diverse batch by distance in the model's representation (<see cref="Acquisition"/>: by default LCMD over the pool,
/// sampled down to 50 × k rows, with the rows of <c>--labelled</c> as centres; <c>--method farthest</c> for greedy
/// k-center among the most uncertain); writes their ids in pick order with the predictive median, standard deviation
/// and the score.
/// </summary>
public sealed class AcquireCommand(IAnsiConsole console) : Command<AcquireCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-m|--model <FILE>")]
        [Description("Model file trained on the rows labelled so far.")]
        [DefaultValue("model.decoreg")]
        public string Model { get; init; } = "model.decoreg";

        [CommandOption("--pool <FILE>")]
        [Description("Unlabelled rows (CSV, JSON Lines or Parquet, the model's columns; a target column, if present, is ignored).")]
        public string? Pool { get; init; }

        [CommandOption("-k <N>")]
        [Description("How many rows to pick (default 100; --k N works too).")]
        [DefaultValue(100)]
        public int K { get; init; } = 100;

        [CommandOption("--labelled <FILE>")]
        [Description("Rows already labelled (e.g. the training data; a target column is ignored): they count as picked, so the batch goes where the labelled rows are not. Recommended: the benchmark measured the default with them.")]
        public string? Labelled { get; init; }

        [CommandOption("--candidates <F>")]
        [Description("Diversity is sought among the F × k most uncertain rows (default 50 for cluster, i.e. every sampled row, 4 for farthest; 1 = uncertainty alone).")]
        public int? Candidates { get; init; }

        [CommandOption("--method <M>")]
        [Description("How the batch is spread: cluster (LCMD: the farthest candidate of the largest uncovered cluster, dense regions before lone outliers; default) or farthest (greedy k-center: each pick the candidate farthest from those taken).")]
        public string? Method { get; init; }

        [CommandOption("--seed <N>")]
        [Description("Seed of the pool sample: a pool above 50 × k rows is sampled down to 50 × k rows first (default 0).")]
        [DefaultValue(0)]
        public int Seed { get; init; }

        [CommandOption("--score <SCORE>")]
        [Description("Uncertainty that ranks the pool: disagreement (spread of the members' means; default when the model has members), std (default otherwise), width90, iqr or entropy.")]
        public string? Score { get; init; }

        [CommandOption("--id <COL>")]
        [Description("Column whose values identify the rows (default: 1-based row number in the pool).")]
        public string? Id { get; init; }

        [CommandOption("--drop <COL>")]
        [Description("A column to leave out of the features, as in training (repeat for several).")]
        public string[] Drop { get; init; } = [];

        [CommandOption("--task <NAME>")]
        [Description("Multi-task models: the task of the pool's rows.")]
        public string? Task { get; init; }

        [CommandOption("-o|--out <FILE>")]
        [Description("CSV file to write (default: standard output).")]
        public string? Out { get; init; }

        [CommandOption("-f|--force")]
        [Description("Overwrite an existing output file.")]
        public bool Force { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Pool is null) throw new DecoRegException("no pool given; use --pool FILE (the unlabelled rows)");
        if (settings.K < 1) throw new DecoRegException($"--k {settings.K}: expected at least 1 row to pick.");
        var method = settings.Method switch
        {
            null => Acquisition.DefaultMethod,
            "farthest" => AcquisitionMethod.Farthest,
            "cluster" => AcquisitionMethod.LargestCluster,
            var other => throw new DecoRegException($"--method '{other}': expected farthest or cluster."),
        };
        if (settings.Candidates < 1) throw new DecoRegException($"--candidates {settings.Candidates}: expected a factor of at least 1.");
        if (settings.Out is not null) OutputFiles.CheckWritable(settings.Out, settings.Force);
        using var model = DecodingRegressor.Load(settings.Model);
        var (features, ids) = ModelData.Features(model, new DataSettings { Data = [settings.Pool], Drop = settings.Drop }, settings.Id);
        var sample = Acquisition.SamplePool(features.RowCount, settings.K, settings.Seed);
        if (sample.Length < features.RowCount)
        {
            string note = string.Create(CultureInfo.InvariantCulture,
                $"pool: {features.RowCount:N0} rows, sampled down to {sample.Length:N0} ({Acquisition.PoolRowsPerPick} x k; --seed {settings.Seed})");
            if (settings.Out is null) Console.Error.WriteLine(note);   // standard output carries the CSV
            else console.WriteLine(note);
            features = features.Select(sample);
            ids = sample.Select(i => ids[i]).ToArray();
        }
        var labelled = settings.Labelled is null ? null
            : model.Represent(ModelData.Features(model, new DataSettings { Data = [settings.Labelled], Drop = settings.Drop }, null).Features, settings.Task);
        var distributions = model.PredictBatch(features, task: settings.Task);
        var score = settings.Score is { } name ? ConfidenceScores.Parse(name)
            : ConfidenceScores.For(distributions).Contains(Acquisition.DefaultScore) ? Acquisition.DefaultScore : ConfidenceScore.StdDev;
        var uncertainty = ConfidenceScores.Of(distributions, score);
        var picked = Acquisition.Select(uncertainty, model.Represent(features, settings.Task), settings.K, settings.Candidates, labelled, method);
        bool extra = score != ConfidenceScore.StdDev;
        var rows = picked.Select((row, rank) => new[]
        {
            ids[row], (rank + 1).ToString(CultureInfo.InvariantCulture), CliNumbers.Format(distributions[row].Median),
            CliNumbers.Format(distributions[row].StdDev),
        }.Concat(extra ? [CliNumbers.Format(uncertainty[row])] : []).ToArray());
        string[] header = [settings.Id ?? "row", "pick", "median", "std", .. extra ? new[] { ConfidenceScores.Name(score) } : []];
        OutputFiles.WriteOrPrint(console, settings.Out, CsvText.Build(header, rows), settings.Force);
        return ErrorHandling.Ok;
    }
}
