using DecoReg.Training;

namespace DecoReg.Tests.Training;

/// <summary>Reports progress on the training thread as it happens (<see cref="Progress{T}"/> posts it later), so a test can cancel at an exact epoch.</summary>
internal sealed class SynchronousProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
{
    public void Report(TrainingProgress value) => report(value);
}
