namespace DecoReg.Bench;

/// <summary>
/// Published test RMSE / NLL on the UCI splits (means over splits, NLL per test point in target units), as listed in
/// shared/datasets/README.md: Deep Ensembles (Lakshminarayanan et al. 2017), NGBoost (Duan et al. 2019), MC-dropout
/// (Gal &amp; Ghahramani 2016).
/// </summary>
public static class PublishedResults
{
    public sealed record Entry(string Method, double Rmse, double Nll);

    public static IReadOnlyDictionary<string, Entry[]> Uci { get; } = new Dictionary<string, Entry[]>
    {
        ["bostonHousing"] = [new("DeepEns", 3.28, 2.41), new("NGBoost", 2.94, 2.43), new("MC-dropout", 2.97, 2.46)],
        ["concrete"] = [new("DeepEns", 6.03, 3.06), new("NGBoost", 5.06, 3.04), new("MC-dropout", 5.23, 3.04)],
        ["energy"] = [new("DeepEns", 2.09, 1.38), new("NGBoost", 0.46, 0.60), new("MC-dropout", 1.66, 1.99)],
        ["wine-quality-red"] = [new("DeepEns", 0.64, 0.94), new("NGBoost", 0.63, 0.91), new("MC-dropout", 0.62, 0.93)],
        ["yacht"] = [new("DeepEns", 1.58, 1.18), new("NGBoost", 0.50, 0.20), new("MC-dropout", 1.11, 1.55)],
        ["power-plant"] = [new("DeepEns", 4.11, 2.79), new("NGBoost", 3.79, 2.79), new("MC-dropout", 4.02, 2.80)],
        ["protein-tertiary-structure"] = [new("DeepEns", 4.71, 2.83), new("NGBoost", 4.33, 2.81), new("MC-dropout", 4.36, 2.89)],
    };

    /// <summary>
    /// RegressLM (the reference text-to-text regressor: encoder–decoder over the serialized record, trained from
    /// scratch) measured on the Debian packages task on this machine, as recorded in issue 11 ("Text-to-text
    /// regression"): d_model 128, 2+2 layers, its 8k split-digit subword vocabulary, inputs cut to 128 tokens, one
    /// thread with the other core busy. Spearman after about 20 CPU-minutes of training, on a test subset.
    /// </summary>
    public sealed record TextReference(string Method, string Source, double TrainExamplesPerSecond, double TrainTokensPerSecond,
        double DecodeRowsPerSecond, int DecodeSamples, double Spearman, double TrainCpuMinutes, int InputTokens);

    public static TextReference RegressLm { get; } = new("RegressLM", "issue 11, measured on this machine",
        TrainExamplesPerSecond: 5.5, TrainTokensPerSecond: 681, DecodeRowsPerSecond: 0.42, DecodeSamples: 32,
        Spearman: 0.27, TrainCpuMinutes: 20, InputTokens: 128);
}
