using DecoReg.Inputs;

namespace DecoReg.Training;

/// <summary>
/// Chooses the target scaling on the hold-out: one network per candidate (<see cref="Candidates"/>) on the same rows
/// and hold-out; keeps the one with the lower hold-out NLL in target units (ties and non-finite scores keep the
/// earlier candidate). For an ensemble, the kept network becomes its first member and the others are trained with
/// the chosen scaling (N + 1 networks in all, not 2N).
/// </summary>
public static class ScalingSelection
{
    public static IReadOnlyList<TargetScaling> Candidates { get; } = [TargetScaling.Auto, TargetScaling.Quantile];

    public static (Ensemble Ensemble, TaskTargets Targets, ScalingTrial[] Trials) Train(TrainingPlan plan, IInputEncoder inputs,
        FeaturizedRows rows, IProgress<TrainingProgress>? progress, CancellationToken cancellation)
    {
        Ensemble? best = null;
        TaskTargets? bestTarget = null;
        double bestNll = double.PositiveInfinity;
        var chosen = TargetScaling.Auto;
        var scores = new List<(TargetScaling Scaling, double Nll)>();
        try
        {
            for (int c = 0; c < Candidates.Count; c++)
            {
                var scaling = Candidates[c];
                var stage = $"scaling {scaling.ToString().ToLowerInvariant()} ({c + 1}/{Candidates.Count})";
                var stageProgress = progress is null ? null : new StageProgress(progress, stage);
                var target = RegressorTraining.FitTargets(plan, scaling, rows.Train);
                using var trainer = new EnsembleTrainer(plan, target, inputs, rows);
                var candidate = new Ensemble();
                try
                {
                    trainer.Train(candidate, 1, stageProgress, cancellation);
                    double nll = -EnsembleLikelihood.LogDensities(candidate.Networks, trainer.Grammar, trainer.Builder,
                        trainer.Validation, rows.Validation).Average();
                    scores.Add((scaling, nll));
                    if (best is null || nll < bestNll)
                    {
                        best?.Dispose();
                        (best, bestTarget, bestNll, chosen) = (candidate, target, nll, scaling);
                        candidate = null;
                    }
                }
                finally
                {
                    candidate?.Dispose();
                }
                if (cancellation.IsCancellationRequested) break;
            }
            var trials = scores.Select(s => new ScalingTrial(s.Scaling, s.Nll, s.Scaling == chosen)).ToArray();
            if (plan.EnsembleSize > 1 && !cancellation.IsCancellationRequested)
            {
                using var grower = new EnsembleTrainer(plan, bestTarget!, inputs, rows);
                grower.Train(best!, plan.EnsembleSize, progress, cancellation);
            }
            return (best!, bestTarget!, trials);
        }
        catch
        {
            best?.Dispose();
            throw;
        }
    }

    /// <summary>Labels progress with the candidate being trained.</summary>
    private sealed class StageProgress(IProgress<TrainingProgress> inner, string stage) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => inner.Report(value with { Stage = stage });
    }
}
