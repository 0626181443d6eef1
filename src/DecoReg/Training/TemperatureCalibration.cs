namespace DecoReg.Training;

/// <summary>
/// Post-hoc calibration of the decoder's output distribution (temperature scaling, Guo et al. 2017): the logits are
/// divided by the temperature from a fixed grid that minimizes the validation set's mean negative log-likelihood of
/// the target sequences. A decoder that memorizes the last digits of its training targets is over-confident
/// (spiky densities); a temperature above 1 spreads that mass without retraining. The grid contains 1, so the
/// validation likelihood never gets worse. With <c>preferWider</c> (fine-tuning, whose hold-outs have 6–100 rows) the
/// widest temperature whose likelihood is within one standard error of the best one's is taken instead (Breiman's
/// one-standard-error rule, paired over the rows): on a hold-out that small the minimum is noise, and the error that
/// costs most is a distribution too narrow.
/// </summary>
public static class TemperatureCalibration
{
    public static IReadOnlyList<double> Grid { get; } = [0.8, 0.9, 1.0, 1.1, 1.2, 1.35, 1.5, 1.75, 2.0, 2.5, 3.0];

    /// <summary>Sets and returns the chosen temperature on <paramref name="validation"/>.</summary>
    public static double Fit(DecoderObjective objective, TrainingSet validation, bool preferWider = false)
    {
        var network = objective.Network;
        network.eval();
        var losses = new double[Grid.Count][];
        using (var inference = torch.inference_mode())
        {
            for (int g = 0; g < Grid.Count; g++)
            {
                network.Temperature = Grid[g];
                losses[g] = Array.ConvertAll(objective.SequenceLogProbabilities(validation), lp => -lp);
            }
        }
        int chosen = Choose(losses, preferWider);
        network.Temperature = Grid[chosen];
        return Grid[chosen];
    }

    /// <summary>
    /// The grid index to use given every grid value's per-row losses: the lowest mean (ties: the value nearest 1), or
    /// with <paramref name="preferWider"/> the largest index above it whose mean excess over the best is at most the
    /// standard error of that excess.
    /// </summary>
    internal static int Choose(IReadOnlyList<double[]> losses, bool preferWider)
    {
        int best = -1;
        double bestMean = double.PositiveInfinity;
        for (int g = 0; g < losses.Count; g++)
        {
            double mean = losses[g].Average();
            if (mean < bestMean - 1e-9 || (Math.Abs(mean - bestMean) <= 1e-9 && Math.Abs(Grid[g] - 1) < Math.Abs(Grid[best] - 1)))
            {
                best = g;
                bestMean = mean;
            }
        }
        if (!preferWider || losses[best].Length < 2) return best;
        for (int g = losses.Count - 1; g > best; g--)
        {
            var excess = losses[g].Zip(losses[best], (a, b) => a - b).ToArray();
            double mean = excess.Average();
            double sd = Math.Sqrt(excess.Sum(e => (e - mean) * (e - mean)) / (excess.Length - 1));
            if (mean <= sd / Math.Sqrt(excess.Length)) return g;
        }
        return best;
    }
}
