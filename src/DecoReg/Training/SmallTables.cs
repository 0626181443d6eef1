namespace DecoReg.Training;

/// <summary>
/// The scaling default of small tables: below <see cref="LargeTables.Rows"/> training rows, a single-task table read by
/// the MLP backbone with the normalized codec and the scaling left at auto chooses its target scaling on the hold-out
/// (<see cref="ScalingSelection"/>: min-max and the quantile warp each start a network, the one with the lower hold-out
/// NLL after a quarter of the epochs trains on). Why: on the five small UCI sets (splits 0–4, epoch budget) choosing
/// lowers the mean test NLL (yacht 0.93 → 0.31, energy 0.67 → 0.48); training both to the end cost 1.4–1.6× the time,
/// the early comparison costs about 1.25× and kept the full comparison's scaling on 23 of 25 splits; on large tables
/// the time is minutes, so they take the quantile warp (<see cref="LargeTables"/>; measurements in bench/README.md,
/// "Scaling selection", "Finer bins on larger tables" and "Members per row and an early scaling choice").
/// An explicit <c>RegressorOptions.SelectScaling</c> (true or false) or scaling is kept as given.
/// </summary>
public static class SmallTables
{
    /// <summary>The plan with <see cref="TrainingPlan.SelectScaling"/> decided for <paramref name="trainingRows"/> rows (after the hold-out).</summary>
    public static TrainingPlan Apply(TrainingPlan plan, int trainingRows, bool tableRows)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.SelectScaling is not null) return plan;
        return plan with { SelectScaling = plan.ScalingByData && plan.IsMlpTable(tableRows) && trainingRows < LargeTables.Rows };
    }
}
