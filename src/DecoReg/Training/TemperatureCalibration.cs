namespace DecoReg.Training;

/// <summary>
/// Post-hoc calibration of the decoder's output distribution (temperature scaling, Guo et al. 2017): the logits are
/// divided by the temperature from a fixed grid that minimizes the validation set's mean negative log-likelihood of
/// the target sequences. A decoder that memorizes the last digits of its training targets is over-confident
/// (spiky densities); a temperature above 1 spreads that mass without retraining. The grid contains 1, so the
/// validation likelihood never gets worse.
/// </summary>
public static class TemperatureCalibration
{
    public static IReadOnlyList<double> Grid { get; } = [0.8, 0.9, 1.0, 1.1, 1.2, 1.35, 1.5, 1.75, 2.0, 2.5, 3.0];

    /// <summary>Sets and returns the best temperature on <paramref name="validation"/>.</summary>
    public static double Fit(DecoderObjective objective, TrainingSet validation)
    {
        var network = objective.Network;
        network.eval();
        double best = 1.0, bestNll = double.PositiveInfinity;
        using var inference = torch.inference_mode();
        foreach (double t in Grid)
        {
            network.Temperature = t;
            double nll = MeanNegativeLogLikelihood(objective, validation);
            if (nll < bestNll - 1e-9 || (Math.Abs(nll - bestNll) <= 1e-9 && Math.Abs(t - 1) < Math.Abs(best - 1)))
            {
                best = t;
                bestNll = nll;
            }
        }
        network.Temperature = best;
        return best;
    }

    private static double MeanNegativeLogLikelihood(DecoderObjective objective, TrainingSet set)
    {
        double sum = 0;
        Batches.ForEach(set.Count, Batches.EvaluationRows(set.Inputs),
            (_, index) => sum -= objective.SequenceLogProbability(set.Select(index)).sum().item<double>());
        return sum / set.Count;
    }
}
