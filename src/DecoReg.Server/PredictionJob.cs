using DecoReg.Inference;

namespace DecoReg.Server;

/// <summary>
/// One request's rows waiting for its model's worker. The worker takes it (<see cref="TryTake"/>) or skips it when the
/// client went away first (<see cref="TryCancel"/>); either way the request's task completes exactly once.
/// </summary>
internal sealed class PredictionJob(Table features)
{
    private const int Queued = 0, Taken = 1, Cancelled = 2;
    private readonly TaskCompletionSource<PredictionResult> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int state;

    /// <summary>The aligned feature rows.</summary>
    public Table Features { get; } = features;

    public int Rows => Features.RowCount;

    /// <summary>Rows with the same column set can be decoded in one table.</summary>
    public string ColumnKey { get; } = BatchTables.ColumnKey(features);

    public Task<PredictionResult> Result => completion.Task;

    /// <summary>The worker claims the job; false when it was cancelled first.</summary>
    public bool TryTake() => Interlocked.CompareExchange(ref state, Taken, Queued) == Queued;

    /// <summary>The client went away: cancels the job unless the worker already took it.</summary>
    public bool TryCancel()
    {
        if (Interlocked.CompareExchange(ref state, Cancelled, Queued) != Queued) return false;
        completion.TrySetCanceled();
        return true;
    }

    public void Complete(PredictionResult result) => completion.TrySetResult(result);

    public void Fail(Exception error) => completion.TrySetException(error);
}

/// <summary>A request's distributions and the model version that decoded them.</summary>
internal sealed record PredictionResult(IReadOnlyList<Distribution> Distributions, int ModelVersion);
