using DecoReg.Inputs;

namespace DecoReg.Training;

/// <summary>
/// Chooses the target scaling on the hold-out without paying for a full network per candidate: each candidate
/// (<see cref="Candidates"/>) starts the same network on the same rows and hold-out and trains for the first
/// <see cref="CompareAt"/> of its epochs; the one with the lower hold-out NLL in target units then (ties and
/// non-finite scores keep the earlier candidate) trains on to the end, the others are dropped. So the choice costs
/// about 1 + <see cref="CompareAt"/> trainings instead of 2 (measured in bench/README.md, "Members per row and an early
/// scaling choice"). For an ensemble, the kept network becomes its first member and the others are trained with the
/// chosen scaling.
/// </summary>
public static class ScalingSelection
{
    public static IReadOnlyList<TargetScaling> Candidates { get; } = [TargetScaling.Auto, TargetScaling.Quantile];

    /// <summary>Fraction of the schedule's epochs each candidate trains before they are compared.</summary>
    public const double CompareAt = 0.25;

    public static (Ensemble Ensemble, TaskTargets Targets, ScalingTrial[] Trials) Train(TrainingPlan plan, IInputEncoder inputs,
        FeaturizedRows rows, IProgress<TrainingProgress>? progress, CancellationToken cancellation)
    {
        var started = new List<Candidate>();
        try
        {
            int checkpoint = 0;
            for (int c = 0; c < Candidates.Count && (c == 0 || !cancellation.IsCancellationRequested); c++)
            {
                var scaling = Candidates[c];
                var stage = $"scaling {scaling.ToString().ToLowerInvariant()} ({c + 1}/{Candidates.Count})";
                var target = RegressorTraining.FitTargets(plan, scaling, rows.Train);
                var trainer = new EnsembleTrainer(plan, target, inputs, rows);
                var candidate = new Candidate(scaling, target, trainer);
                started.Add(candidate);
                candidate.Training = trainer.Start(0, progress is null ? null : new StageProgress(progress, stage), cancellation);
                if (checkpoint == 0) checkpoint = Math.Max(1, (int)Math.Ceiling(CompareAt * candidate.Training.Run.Options.Epochs));
                while (candidate.Training.Run.Epoch < checkpoint && candidate.Training.NextEpoch()) { }
                candidate.Nll = candidate.Training.ValidationNll();
            }
            var kept = started[0];
            foreach (var c in started.Skip(1))
                if (c.Nll < kept.Nll || !double.IsFinite(kept.Nll) && double.IsFinite(c.Nll)) kept = c;
            var trials = started.Select(c => new ScalingTrial(c.Scaling, c.Nll, c == kept)
            {
                Epochs = c.Training!.Run.Epoch,
                DroppedAfter = c == kept ? TimeSpan.Zero : c.Training.Run.Elapsed,
            }).ToArray();
            foreach (var c in started.Where(c => c != kept)) c.Dispose();
            started.RemoveAll(c => c != kept);

            while (kept.Training!.NextEpoch()) { }
            var ensemble = new Ensemble();
            kept.Training.AddTo(ensemble);
            if (plan.EnsembleSize > 1 && !cancellation.IsCancellationRequested)
                kept.Trainer.Train(ensemble, plan.EnsembleSize, progress, cancellation);
            return (ensemble, kept.Target, trials);
        }
        finally
        {
            foreach (var c in started) c.Dispose();
        }
    }

    /// <summary>A candidate scaling with its trainer and the network it started.</summary>
    private sealed class Candidate(TargetScaling scaling, TaskTargets target, EnsembleTrainer trainer) : IDisposable
    {
        public TargetScaling Scaling { get; } = scaling;
        public TaskTargets Target { get; } = target;
        public EnsembleTrainer Trainer { get; } = trainer;
        public EnsembleTrainer.NetworkTraining? Training { get; set; }
        public double Nll { get; set; } = double.PositiveInfinity;

        public void Dispose()
        {
            Training?.Dispose();
            Trainer.Dispose();
        }
    }

    /// <summary>Labels progress with the candidate being trained.</summary>
    private sealed class StageProgress(IProgress<TrainingProgress> inner, string stage) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => inner.Report(value with { Stage = stage });
    }
}
