using DecoReg.Numbers;

namespace DecoReg.Training;

/// <summary>
/// The number codec when the user leaves it unset (<c>RegressorOptions.Codec</c> null): the normalized codec, base 10,
/// with 3 digits (1,000 bins) for a single-task table read by the MLP backbone from <see cref="FineRows"/> training
/// rows (after the hold-out) on, 2 digits (100 bins) otherwise. Why: with thousands of rows the bins, not the network,
/// limit the likelihood — 100 bins spread each bin's mass evenly over a hundredth of the range, which the density
/// heads do not have to do. Measured (bench/README.md, "Finer bins on larger tables"; test NLL, 2 → 3 digits):
/// check_times 4.95 → 4.88, stackoverflow 11.22 → 11.05, power-plant 2.444 → 2.428 (split 0); on the small UCI sets
/// the third digit is as often worse as better (yacht 0.31 → 0.47, Boston 2.48 → 2.35, energy 0.48 → 0.46: fewer rows
/// than bins). Text keeps 2 digits: decoreg-text-mlp on the Debian packages (12k rows) lost with 3 (ρ 0.735 → 0.727,
/// NLL 7.29 → 7.33) and decoded 6× slower (broad distributions over 1,000 bins), decoreg-text (the transformer) too
/// (ρ 0.724 → 0.717, NLL 7.315 → 7.375); on check_times read as text the third digit gains only 0.016 (4.963 → 4.947).
/// Multi-task pretraining and the transformer backbone on tables keep 2 digits (not measured with 3).
/// </summary>
public static class DefaultCodec
{
    /// <summary>Training rows from which a single task gets the third digit.</summary>
    public const int FineRows = 2000;

    /// <summary>The codec of a plan whose user left the codec unset.</summary>
    public static CodecOptions Coarse { get; } = new NormalizedCodecOptions(10, 2);

    /// <summary>
    /// The plan with its codec decided for <paramref name="trainingRows"/> rows when the user left it unset;
    /// <paramref name="tableRows"/>: numeric and categorical columns only.
    /// </summary>
    public static TrainingPlan Apply(TrainingPlan plan, int trainingRows, bool tableRows)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.CodecByData && plan.TaskColumn is null && plan.IsMlpTable(tableRows) && trainingRows >= FineRows
            ? plan with { Codec = new NormalizedCodecOptions(10, 3) }
            : plan;
    }
}
