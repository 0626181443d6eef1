using DecoReg.Baselines;
using DecoReg.Data;
using DecoReg.Evaluation;
using DecoReg.Inference;
using DecoReg.Inputs;
using DecoReg.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;
using Microsoft.ML.Transforms.Text;

namespace DecoReg.Bench;

/// <summary>
/// The bag-of-words baseline for records read as text: each row is serialized by <see cref="RecordText"/> (the same
/// canonical text the text model reads), ML.NET's <c>FeaturizeText</c> turns it into TF-IDF-weighted word 1–2-grams
/// and character 3-grams (lower-cased, punctuation and numbers kept, each block L2-normalized, vocabulary fitted on the
/// inner training rows only), and LightGBM regresses t = sign(y)·log10(1 + |y|) (= log10(1 + y) for the usual y ≥ 0;
/// the signed form keeps negative targets valid) with early stopping on the seeded hold-out of
/// <see cref="Splits.HoldOut"/>. The predictive distribution is N(μ, σ²) in t, σ the RMS residual on that hold-out,
/// mapped back to target units: p(y) = φ((t − μ)/σ)/σ · 1/((1 + |y|) ln 10). <see cref="Predict"/> returns it as a
/// piecewise-uniform <see cref="Distribution"/> over <see cref="GridBins"/> bins whose edges are μ ± 6σ equally spaced in
/// t and mapped to y (mass = exact Φ difference, so the CDF and quantiles are exact at every edge);
/// <see cref="LogLikelihood"/> is the exact closed-form density above, not the grid's.
/// </summary>
public sealed class TextLightGbmBaseline : IBaseline
{
    /// <summary>Bins of the predictive grid (edges equally spaced in log space over μ ± <see cref="GridSpan"/>σ).</summary>
    public const int GridBins = 2048;

    /// <summary>Half-width of the grid in standard deviations of the log-space Gaussian.</summary>
    public const double GridSpan = 6.0;

    /// <summary>Most n-grams kept per kind (word 1-grams, word 2-grams, char 3-grams), first seen first: LightGBM's
    /// feature bundling grows quickly with the feature count, and rare n-grams rarely earn a split.</summary>
    public const int MaxNgrams = 5000;

    /// <summary>Fraction of the n-gram features each tree may use (LightGBM column sampling): text gives thousands of
    /// sparse features, and sampling them keeps a boosting round cheap without hurting the fit.</summary>
    public const double FeatureFraction = 0.2;

    /// <summary>Histogram bins per feature (LightGBM's default is 255; a TF-IDF weight needs far fewer).</summary>
    public const int MaxBins = 32;

    private const string TextColumn = "Text";
    private const string FeaturesColumn = "Features";

    private readonly MLContext ml;
    private readonly ITransformer model;
    private readonly RecordText.Format format;

    private TextLightGbmBaseline(MLContext ml, ITransformer model, RecordText.Format format, double sigma)
    {
        this.ml = ml;
        this.model = model;
        this.format = format;
        Sigma = sigma;
    }

    public string Name => "text-lightgbm";
    public TrainingReport? TrainingReport => null;

    /// <summary>The one predictive standard deviation in log space (RMS hold-out residual of t, in decades).</summary>
    public double Sigma { get; }

    /// <summary>Trains on <paramref name="train"/>; the hold-out is <paramref name="validation"/> or a seeded
    /// fraction of the training rows (<see cref="Splits.HoldOut"/>). Hyper-parameters are the tabular LightGBM
    /// baseline's <see cref="LightGbmBaseline.Settings"/>.</summary>
    public static TextLightGbmBaseline Train(Dataset train, Dataset? validation = null,
        LightGbmBaseline.Settings? settings = null, RecordText.Format format = RecordText.Format.Lines)
    {
        ArgumentNullException.ThrowIfNull(train);
        settings ??= new LightGbmBaseline.Settings();
        (train, validation) = Splits.HoldOut(train, validation, settings.ValidationFraction, settings.Seed);
        var ml = new MLContext(settings.Seed);
        var trainView = ToDataView(ml, train.Features, train.Targets, format);
        var validView = ToDataView(ml, validation.Features, validation.Targets, format);
        var featurizer = ml.Transforms.Text.FeaturizeText(FeaturesColumn, FeaturizerOptions(), TextColumn).Fit(trainView);
        var options = settings.TrainerOptions();
        options.Booster = new GradientBooster.Options { FeatureFraction = FeatureFraction };
        options.MaximumBinCountPerFeature = MaxBins;
        var booster = ml.Regression.Trainers.LightGbm(options
        ).Fit(featurizer.Transform(trainView), featurizer.Transform(validView));
        var model = featurizer.Append(booster);

        var untuned = new TextLightGbmBaseline(ml, model, format, 1.0);
        var predicted = untuned.PredictLogMeans(validation.Features);
        double sigma = LightGbmBaseline.RmsResidual(predicted, validation.Targets.Select(SignedLog10).ToArray());
        return new TextLightGbmBaseline(ml, model, format, sigma > 1e-6 ? sigma : 1e-6);
    }

    /// <summary>t = sign(y)·log10(1 + |y|), the space the booster regresses in.</summary>
    public static double SignedLog10(double y) => Math.Sign(y) * Math.Log10(1 + Math.Abs(y));

    /// <summary>The inverse of <see cref="SignedLog10"/>: y = sign(t)·(10^|t| − 1).</summary>
    public static double InverseSignedLog10(double t) => Math.Sign(t) * (Math.Pow(10, Math.Abs(t)) - 1);

    /// <summary>The booster's prediction μ of t for every row.</summary>
    public double[] PredictLogMeans(Table features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var scored = model.Transform(ToDataView(ml, features, null, format));
        return scored.GetColumn<float>("Score").Select(v => (double)v).ToArray();
    }

    public IReadOnlyList<Distribution> Predict(Table features) =>
        PredictLogMeans(features).Select(Grid).ToArray();

    public double[] LogLikelihood(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var means = PredictLogMeans(data.Features);
        return means.Select((mu, i) => LogDensity(mu, data.Targets[i])).ToArray();
    }

    /// <summary>Exact log p(y) in target units of the log-space Gaussian N(<paramref name="logMean"/>, σ²).</summary>
    public double LogDensity(double logMean, double y) =>
        Scoring.GaussianLogDensity(logMean, Sigma, SignedLog10(y)) - Math.Log((1 + Math.Abs(y)) * Math.Log(10));

    public void Dispose() { }

    private Distribution Grid(double logMean)
    {
        double lo = logMean - GridSpan * Sigma, width = 2 * GridSpan * Sigma / GridBins;
        var values = new double[GridBins];
        var probabilities = new double[GridBins];
        var lows = new double[GridBins];
        var highs = new double[GridBins];
        double previousY = InverseSignedLog10(lo), previousCdf = Scoring.NormalCdf(-GridSpan);
        for (int i = 0; i < GridBins; i++)
        {
            double edge = i == GridBins - 1 ? logMean + GridSpan * Sigma : lo + (i + 1) * width;
            double y = InverseSignedLog10(edge), cdf = Scoring.NormalCdf((edge - logMean) / Sigma);
            lows[i] = previousY;
            highs[i] = Math.Max(y, previousY);
            values[i] = 0.5 * (lows[i] + highs[i]);
            probabilities[i] = Math.Max(0, cdf - previousCdf);
            (previousY, previousCdf) = (highs[i], cdf);
        }
        return new Distribution(values, probabilities, lows, highs, 1.0);
    }

    private static TextFeaturizingEstimator.Options FeaturizerOptions() => new()
    {
        CaseMode = TextNormalizingEstimator.CaseMode.Lower,
        KeepDiacritics = true,
        KeepPunctuations = true,
        KeepNumbers = true,
        Norm = TextFeaturizingEstimator.NormFunction.L2,
        WordFeatureExtractor = new WordBagEstimator.Options
        {
            NgramLength = 2,
            UseAllLengths = true,
            MaximumNgramsCount = [MaxNgrams, MaxNgrams],
            Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf,
        },
        CharFeatureExtractor = new WordBagEstimator.Options
        {
            NgramLength = 3,
            UseAllLengths = false,
            MaximumNgramsCount = [MaxNgrams],
            Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf,
        },
    };

    private sealed class Row
    {
        public string Text { get; set; } = "";
        public float Label { get; set; }
    }

    private static IDataView ToDataView(MLContext ml, Table features, double[]? targets, RecordText.Format format)
    {
        var texts = RecordText.SerializeAll(features, format);
        var rows = new Row[texts.Length];
        for (int r = 0; r < rows.Length; r++)
            rows[r] = new Row { Text = texts[r], Label = targets is null ? 0f : (float)SignedLog10(targets[r]) };
        return ml.Data.LoadFromEnumerable(rows);
    }
}
