using DecoReg.Data;
using DecoReg.Inference;

namespace DecoReg;

/// <summary>
/// Out-of-fold predictions: the rows are dealt into K seeded folds (<see cref="Splits.Shuffle"/> with the training
/// seed), and each fold is predicted by a model trained on the other K − 1 (with its own hold-out for early stopping),
/// so every row gets a predictive distribution and log-likelihood from a model that never saw its label. What a label
/// audit needs (a wrong label cannot explain itself); also the honest way to score a data set without a test split.
/// </summary>
public static class CrossFitting
{
    /// <summary>Out-of-fold distributions and log-densities, in the rows' order, and each row's fold.</summary>
    public sealed record Result(IReadOnlyList<Distribution> Distributions, double[] LogLikelihoods, int[] Folds);

    public static Result Run(Dataset data, RegressorOptions options, int folds = 5, IProgress<string>? progress = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        if (folds < 2) throw new DecoRegException($"cross-fitting needs at least 2 folds (got {folds})");
        int n = data.RowCount;
        if (n < 10 * folds)
            throw new DecoRegException($"{data.Name}: {n} rows are too few for {folds} folds; give at least {10 * folds} rows or fewer folds");
        var fold = new int[n];
        var order = Splits.Shuffle(n, options.Training.Seed);
        for (int i = 0; i < n; i++) fold[order[i]] = i % folds;
        var distributions = new Distribution[n];
        var logLikelihoods = new double[n];
        for (int k = 0; k < folds; k++)
        {
            cancellation.ThrowIfCancellationRequested();
            var train = Enumerable.Range(0, n).Where(r => fold[r] != k).ToArray();
            var test = Enumerable.Range(0, n).Where(r => fold[r] == k).ToArray();
            progress?.Report($"fold {k + 1}/{folds}: training on {train.Length} rows, scoring {test.Length}");
            var held = data.Subset(test, $"fold {k + 1}");
            using var model = DecodingRegressor.Train(data.Subset(train, $"folds other than {k + 1}"), options, null, null, cancellation);
            var predicted = model.PredictBatch(held.Features);
            var densities = model.LogLikelihood(held);
            for (int i = 0; i < test.Length; i++)
            {
                distributions[test[i]] = predicted[i];
                logLikelihoods[test[i]] = densities[i];
            }
        }
        return new Result(distributions, logLikelihoods, fold);
    }
}
