using DecoReg.Model;
using DecoReg.Numbers;

namespace DecoReg.Training;

/// <summary>
/// Defaults for large tables: from <see cref="Rows"/> training rows on, a table read by the MLP backbone trains
/// <see cref="Members"/> members instead of 8, in batches of <see cref="BatchSize"/> rows (at twice the learning rate,
/// by <see cref="TrainingOptions.LearningRate"/>'s scaling rule), for about <see cref="StepBudget"/> optimizer steps.
/// Why: the members reduce variance, which matters less with more rows, and a larger batch is a larger matrix product,
/// so an epoch costs about half; the time saved buys the epochs a large table needs to converge (power-plant split 0,
/// 7,750 rows, 2 cores: an 82-epoch schedule, early-stopped at 70, in 2 min 14 s, test NLL 2.44, where the 8-member,
/// 64-row default ran 25 epochs in 2 min 15 s to 2.59; measurements in bench/README.md, "Large tables"). Only what the
/// user left at 0 (by data size) changes;
/// transformers and text inputs keep the general defaults. A single task whose scaling is left to the data (scaling auto,
/// <c>SelectScaling</c> null; <c>--scaling minmax</c> sets it false and keeps min-max) trains with the quantile warp: training once per scaling, as small tables do
/// (<see cref="SmallTables"/>), would double a training of minutes, and with the third digit
/// (<see cref="DefaultCodec"/>) the warp's bins measured better on three of four large tables — test NLL diamonds 6.68
/// vs 7.00 (min-max, 2 digits), check_times 4.84 vs 4.88 (min-max, 3 digits), protein 1.75 vs 1.79 — and 0.02 worse
/// on power-plant (2.45 vs 2.43; measurements in bench/README.md, "Finer bins on larger tables"). The warp blends the
/// targets' empirical CDF with min-max, so it never leaves the tails without bins.
/// </summary>
public static class LargeTables
{
    public const int Rows = 5000;
    public const int Members = 4;
    public const int BatchSize = 128;
    public const int StepBudget = 5000;

    /// <summary>The plan for <paramref name="trainingRows"/> rows (after the hold-out); <paramref name="tableRows"/>: numeric and categorical columns only.</summary>
    public static TrainingPlan Apply(TrainingPlan plan, int trainingRows, bool tableRows)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!plan.IsMlpTable(tableRows) || trainingRows < Rows) return plan;
        var (network, training) = Recipe(plan.Network, plan.Training, trainingRows);
        return plan with
        {
            Scaling = plan.ScalingByData ? TargetScaling.Quantile : plan.Scaling,
            Network = network,
            Training = training,
        };
    }

    /// <summary>
    /// The members, batch and epochs of a table of <paramref name="trainingRows"/> rows read by the MLP backbone (what
    /// the user set is kept; below <see cref="Rows"/> rows, or for the transformer, nothing changes). The one home of the recipe: the decoding
    /// regressor's plan and the density heads on the same backbone (<c>Baselines</c>) both take it from here.
    /// </summary>
    public static (TransformerOptions Network, TrainingOptions Training) Recipe(TransformerOptions network, TrainingOptions training, int trainingRows)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(training);
        if (trainingRows < Rows || network.Resolve(tableRows: true).Backbone != BackboneKind.Mlp) return (network, training);
        int batch = training.BatchSize > 0 ? training.BatchSize : BatchSize;
        return (network.Members > 0 ? network : network with { Members = Members },
            training with
            {
                BatchSize = batch,
                Epochs = training.Epochs > 0 ? training.Epochs : TrainingOptions.AutoEpochs(trainingRows, batch, StepBudget),
            });
    }
}
