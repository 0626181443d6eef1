using DecoReg.Baselines;
using DecoReg.Data;
using DecoReg.Evaluation;
using DecoReg.Inference;
using DecoReg.Inputs;
using DecoReg.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace DecoReg.Bench;

/// <summary>
/// LightGBM (through ML.NET's managed trainer) as a point predictor made probabilistic the simplest honest way: the
/// training rows are split by the same seeded hold-out the neural methods use; boosting trains on the inner training
/// part with early stopping on the inner validation part, and the predictive distribution is N(prediction, σ²) with
/// σ² the mean squared residual on that inner validation part (one σ for all rows). Numeric columns are passed as
/// floats (missing = NaN, which LightGBM routes natively); a categorical column becomes its level index in the
/// inferred <see cref="ColumnSchema"/> (most frequent level = 0; unseen levels share one code).
/// </summary>
public sealed class LightGbmBaseline : IBaseline
{
    /// <summary>Fixed hyper-parameters, LightGBM's usual defaults except a smaller learning rate with early stopping.</summary>
    public sealed record Settings
    {
        public int MaxRounds { get; init; } = 2000;
        public double LearningRate { get; init; } = 0.05;
        public int Leaves { get; init; } = 31;
        public int MinLeafRows { get; init; } = 20;
        public int EarlyStoppingRounds { get; init; } = 50;
        public double ValidationFraction { get; init; } = 0.1;
        public int Seed { get; init; }
        public int Threads { get; init; } = Math.Max(1, Environment.ProcessorCount);

        /// <summary>ML.NET's trainer options for these settings (shared by the tabular and the text baseline).</summary>
        public LightGbmRegressionTrainer.Options TrainerOptions() => new()
        {
            NumberOfIterations = MaxRounds,
            LearningRate = LearningRate,
            NumberOfLeaves = Leaves,
            MinimumExampleCountPerLeaf = MinLeafRows,
            EarlyStoppingRound = EarlyStoppingRounds,
            NumberOfThreads = Threads,
            Seed = Seed,
            Silent = true,
            Verbose = false,
        };
    }

    private readonly MLContext ml;
    private readonly ColumnSchema schema;
    private readonly ITransformer model;

    private LightGbmBaseline(MLContext ml, ColumnSchema schema, ITransformer model, double sigma)
    {
        this.ml = ml;
        this.schema = schema;
        this.model = model;
        Sigma = sigma;
    }

    public string Name => "lightgbm";
    public TrainingReport? TrainingReport => null;

    /// <summary>The one predictive standard deviation (RMS residual on the inner validation split), target units.</summary>
    public double Sigma { get; }

    public static LightGbmBaseline Train(Dataset train, Dataset? validation = null, Settings? settings = null)
    {
        settings ??= new Settings();
        (train, validation) = Splits.HoldOut(train, validation, settings.ValidationFraction, settings.Seed);
        var ml = new MLContext(settings.Seed);
        var schema = ColumnSchema.Infer(train.Features);
        var trainer = ml.Regression.Trainers.LightGbm(settings.TrainerOptions());
        var model = trainer.Fit(ToDataView(ml, schema, train), ToDataView(ml, schema, validation));
        var partial = new LightGbmBaseline(ml, schema, model, 1.0);
        var predicted = partial.PredictMeans(validation.Features);
        double sigma = RmsResidual(predicted, validation.Targets);
        if (!(sigma > 0)) sigma = 1e-6 * Math.Max(1, train.Targets.Max(Math.Abs));
        return new LightGbmBaseline(ml, schema, model, sigma);
    }

    /// <summary>Root mean squared difference of predictions and targets: the one σ of both LightGBM baselines.</summary>
    internal static double RmsResidual(IReadOnlyList<double> predicted, IReadOnlyList<double> actual) =>
        Math.Sqrt(predicted.Zip(actual).Average(p => (p.First - p.Second) * (p.First - p.Second)));

    /// <summary>Point predictions for every row.</summary>
    public double[] PredictMeans(Table features)
    {
        var scored = model.Transform(ToDataView(ml, schema, new Dataset(features, new double[features.RowCount], features.Source)));
        return scored.GetColumn<float>("Score").Select(v => (double)v).ToArray();
    }

    public IReadOnlyList<Distribution> Predict(Table features) =>
        PredictMeans(features).Select(m => GaussianMixtureGrid.Gaussian(m, Sigma)).ToArray();

    public double[] LogLikelihood(Dataset data)
    {
        var means = PredictMeans(data.Features);
        return means.Select((m, i) => Scoring.GaussianLogDensity(m, Sigma, data.Targets[i])).ToArray();
    }

    public void Dispose() { }

    private sealed class Row
    {
        public float[] Features { get; set; } = [];
        public float Label { get; set; }
    }

    private static IDataView ToDataView(MLContext ml, ColumnSchema schema, Dataset data)
    {
        var table = data.Features;
        var index = schema.Columns.Select(c => table.IndexOf(c.Name)).ToArray();
        for (int c = 0; c < index.Length; c++)
            if (index[c] < 0)
                throw new DecoRegException($"{table.Source}: column '{schema.Columns[c].Name}' is missing. {table.DescribeColumns()}");
        var levels = schema.Columns
            .Select(c => c.Kind == ColumnKind.Categorical
                ? c.Levels.Select((l, i) => (l, i)).ToDictionary(t => t.l, t => t.i, StringComparer.Ordinal)
                : null)
            .ToArray();
        var rows = new Row[table.RowCount];
        for (int r = 0; r < rows.Length; r++)
        {
            var x = new float[index.Length];
            for (int c = 0; c < index.Length; c++)
            {
                string? cell = table.Cell(r, index[c]);
                if (cell is null) x[c] = float.NaN;
                else if (levels[c] is { } map) x[c] = map.TryGetValue(cell, out int level) ? level : map.Count;
                else x[c] = NumberText.TryParse(cell, out double v) ? (float)v : float.NaN;
            }
            rows[r] = new Row { Features = x, Label = (float)data.Targets[r] };
        }
        var definition = SchemaDefinition.Create(typeof(Row));
        definition[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, index.Length);
        return ml.Data.LoadFromEnumerable(rows, definition);
    }
}
