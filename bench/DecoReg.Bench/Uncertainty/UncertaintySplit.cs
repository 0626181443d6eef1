using System.Diagnostics;
using DecoReg.Data;
using DecoReg.Inference;

namespace DecoReg.Bench.Uncertainty;

/// <summary>DecoReg trained on a split's proper training rows, with its distributions of the calibration and test rows.</summary>
public sealed record DecoRegFit(DecodingRegressor Model, IReadOnlyList<Distribution> Calibration, IReadOnlyList<Distribution> Test,
    double TrainSeconds, int Epochs);

/// <summary>
/// One data set and split of the <c>uncertainty</c> suite, shared by its parts so each model is trained once: the
/// split's training rows are cut into proper training rows and <see cref="CalibrationFraction"/> calibration rows
/// (seeded shuffle, seed <see cref="CalibrationSeed"/> + split); DecoReg (<c>decoreg-normalized</c>: defaults) and the
/// baselines train on the proper rows (each holding out its usual seeded 10 % for early stopping) within the
/// budget, lazily, on first use.
/// </summary>
public sealed class UncertaintySplit(string dataset, int split, Dataset train, Dataset test, BenchBudget budget, int threads) : IDisposable
{
    public const double CalibrationFraction = 0.2;
    public const int CalibrationSeed = 20250214;

    private readonly Dictionary<string, IReadOnlyList<Distribution>> baselines = [];
    private DecoRegFit? decoreg;
    private (Dataset Proper, Dataset Calibration)? carved;

    public string Dataset { get; } = dataset;
    public int Split { get; } = split;
    public Dataset Test { get; } = test;
    public BenchBudget Budget { get; } = budget;
    public int Threads { get; } = threads;

    /// <summary>The training rows the models train on (the split's training rows minus the calibration rows).</summary>
    public Dataset Proper => Carve().Proper;

    /// <summary>The calibration rows carved from the split's training rows.</summary>
    public Dataset Calibration => Carve().Calibration;

    /// <summary>DecoReg with default options, trained once per split.</summary>
    public DecoRegFit DecoReg => decoreg ??= FitDecoReg();

    /// <summary>The test distributions of a baseline method of <see cref="BenchMethods"/> (e.g. gaussian, lightgbm), trained once per split.</summary>
    public IReadOnlyList<Distribution> Baseline(string method)
    {
        if (baselines.TryGetValue(method, out var cached)) return cached;
        using var model = BenchMethods.Train(method, Proper, Budget, Threads);
        return baselines[method] = model.Predict(Test.Features);
    }

    private (Dataset Proper, Dataset Calibration) Carve() => carved ??= Carving(0);

    /// <summary>
    /// The split's training rows cut into proper and calibration rows by the seeded shuffle number
    /// <paramref name="carving"/> (seed <see cref="CalibrationSeed"/> + split + 1000 × carving); carving 0 is
    /// <see cref="Proper"/> / <see cref="Calibration"/>, the others re-draw the calibration rows (same fraction).
    /// </summary>
    public (Dataset Proper, Dataset Calibration) Carving(int carving)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(carving);
        var (proper, calibration) = Splits.TrainValid(train.RowCount, CalibrationFraction, CalibrationSeed + Split + 1000 * carving);
        return (train.Subset(proper, "proper training rows"), train.Subset(calibration, "calibration rows"));
    }

    private DecoRegFit FitDecoReg() => FitDecoReg(Proper, Calibration);

    /// <summary>A fresh DecoReg (defaults, the split's budget) trained on <paramref name="proper"/>, with its distributions of <paramref name="calibration"/> and the test rows; the caller disposes its model.</summary>
    public DecoRegFit FitDecoReg(Dataset proper, Dataset calibration)
    {
        ArgumentNullException.ThrowIfNull(proper);
        ArgumentNullException.ThrowIfNull(calibration);
        var clock = Stopwatch.StartNew();
        var trained = (DecodingRegressorBaseline)BenchMethods.Train("decoreg-normalized", proper, Budget, Threads);
        double seconds = clock.Elapsed.TotalSeconds;
        var model = trained.Model;
        return new DecoRegFit(model, model.PredictBatch(calibration.Features), model.PredictBatch(Test.Features), seconds,
            model.TrainingReport?.History.Count ?? 0);
    }

    public void Dispose() => decoreg?.Model.Dispose();
}
