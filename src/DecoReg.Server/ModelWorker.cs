using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace DecoReg.Server;

/// <summary>
/// Serves one model name: a bounded queue of requests and one dedicated thread that owns the model (the facade is not
/// thread-safe; libtorch uses every core inside one call). The thread takes up to <see cref="ServerOptions.MaxBatchRows"/>
/// rows, waiting at most <see cref="ServerOptions.MaxWaitMs"/> for more once it holds a request, and decodes each
/// group of rows with the same columns in one <c>PredictBatch</c>. A reload loads the new file off this thread and
/// swaps it in atomically: a batch already started finishes on the old model, which is disposed after it.
/// </summary>
internal sealed class ModelWorker : IDisposable
{
    private static readonly TimeSpan IdleWake = TimeSpan.FromSeconds(1);

    /// <summary>A pause in arrivals this long ends the wait for more requests.</summary>
    private static readonly TimeSpan ArrivalGap = TimeSpan.FromMilliseconds(1);
    private readonly Channel<PredictionJob> queue;
    private readonly Thread thread;
    private readonly ServerOptions options;
    private readonly ServerMetrics metrics;
    private readonly ILogger logger;
    private readonly ConcurrentQueue<ServedModel> retired = new();
    private readonly SemaphoreSlim reloading = new(1, 1);
    private readonly SemaphoreSlim arrivals = new(0); // released once per queued request: a precise timed wait, no timers
    private readonly List<PredictionJob> batch = [];
    private ServedModel current;
    private int queued;

    public ModelWorker(ServedModel model, ServerOptions options, ServerMetrics metrics, ILogger logger)
    {
        current = model;
        this.options = options;
        this.metrics = metrics;
        this.logger = logger;
        queue = Channel.CreateBounded<PredictionJob>(new BoundedChannelOptions(options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait, // TryWrite fails when full: the caller answers 503
            SingleReader = true,
        });
        thread = new Thread(Run) { IsBackground = true, Name = $"decoreg worker {model.Name}" };
        thread.Start();
    }

    public string Name => current.Name;

    /// <summary>The model new requests are checked against and the next batch decodes with.</summary>
    public ServedModel Current => Volatile.Read(ref current);

    /// <summary>Requests waiting in the queue.</summary>
    public int QueuedRequests => Volatile.Read(ref queued);

    /// <summary>Queues a request; false when the queue is full (or the server is stopping).</summary>
    public bool TryEnqueue(PredictionJob job)
    {
        Interlocked.Increment(ref queued);
        if (queue.Writer.TryWrite(job))
        {
            metrics.QueueDepth.WithLabels(Name).Inc();
            arrivals.Release();
            return true;
        }
        Interlocked.Decrement(ref queued);
        metrics.RejectedRequests.WithLabels(Name).Inc();
        return false;
    }

    /// <summary>The client went away: its rows are skipped if the worker has not taken them yet.</summary>
    public void Cancel(PredictionJob job)
    {
        if (job.TryCancel()) metrics.CancelledRequests.WithLabels(Name).Inc();
    }

    /// <summary>
    /// Loads the model file again (off the worker) and swaps it in; a file that does not load leaves the current model
    /// serving and throws its <see cref="DecoRegException"/>. Reloads of one model run one at a time.
    /// </summary>
    public async Task<ServedModel> ReloadAsync(CancellationToken cancellation)
    {
        await reloading.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            var old = Current;
            ServedModel fresh;
            try
            {
                fresh = await Task.Run(() => ServedModel.Load(old.Name, old.Path, old.Version + 1), CancellationToken.None).ConfigureAwait(false);
            }
            catch (DecoRegException)
            {
                metrics.Reloads.WithLabels(old.Name, "failed").Inc();
                throw;
            }
            Volatile.Write(ref current, fresh);
            retired.Enqueue(old);
            metrics.Reloads.WithLabels(old.Name, "ok").Inc();
            logger.LogInformation("model {Model} reloaded from {Path} (version {Version})", fresh.Name, fresh.Path, fresh.Version);
            return fresh;
        }
        finally
        {
            reloading.Release();
        }
    }

    private void Run()
    {
        var reader = queue.Reader;
        while (WaitForWork(reader))
        {
            DisposeRetired();
            int rows = Collect(reader);
            if (batch.Count == 0) continue;
            var model = Current; // the whole batch decodes with this version, even if a reload swaps meanwhile
            try
            {
                options.BeforeBatch?.Invoke(rows);
                Decode(model, rows);
            }
            catch (Exception e)
            {
                logger.LogError(e, "model {Model}: a batch failed", Name);
                foreach (var job in batch) job.Fail(e);
            }
            batch.Clear();
        }
        DisposeRetired();
    }

    /// <summary>Blocks until a request is queued (true) or the queue is completed and empty (false).</summary>
    private bool WaitForWork(ChannelReader<PredictionJob> reader)
    {
        while (true)
        {
            if (reader.TryPeek(out _)) return true;
            if (reader.Completion.IsCompleted) return false;
            if (!arrivals.Wait(IdleWake)) DisposeRetired(); // idle: free a model a reload replaced
        }
    }

    /// <summary>
    /// Takes queued requests into <see cref="batch"/> up to the row limit; while requests keep arriving (each within
    /// <see cref="ArrivalGap"/> of the last) it waits for more, up to <see cref="ServerOptions.MaxWaitMs"/> in all, so a
    /// lone client pays about one gap and a crowd fills the batch. Returns the batch's rows.
    /// </summary>
    private int Collect(ChannelReader<PredictionJob> reader)
    {
        int rows = 0;
        long deadline = Stopwatch.GetTimestamp() + options.MaxWaitMs * Stopwatch.Frequency / 1000;
        while (true)
        {
            while (reader.TryPeek(out var next))
            {
                if (batch.Count > 0 && rows + next.Rows > options.MaxBatchRows) return rows;
                reader.TryRead(out next);
                Interlocked.Decrement(ref queued);
                metrics.QueueDepth.WithLabels(Name).Dec();
                if (!next!.TryTake()) continue; // cancelled: its rows are skipped
                batch.Add(next);
                rows += next.Rows;
                if (rows >= options.MaxBatchRows) return rows;
            }
            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            if (batch.Count == 0 || left <= TimeSpan.Zero) return rows;
            if (!arrivals.Wait(left < ArrivalGap ? left : ArrivalGap)) return rows; // no request arrived within the gap
            if (reader.Completion.IsCompleted) return rows;
        }
    }

    /// <summary>Decodes the batch: one PredictBatch per column set; a group that fails is retried request by request.</summary>
    private void Decode(ServedModel model, int rows)
    {
        long start = Stopwatch.GetTimestamp();
        foreach (var group in batch.GroupBy(j => j.ColumnKey, StringComparer.Ordinal))
        {
            var jobs = group.ToList();
            try
            {
                Answer(model, jobs);
            }
            catch (DecoRegException) when (jobs.Count > 1)
            {
                foreach (var job in jobs) AnswerAlone(model, job);
            }
            catch (DecoRegException e)
            {
                jobs[0].Fail(e);
            }
        }
        metrics.BatchRows.WithLabels(model.Name).Observe(rows);
        metrics.BatchRequests.WithLabels(model.Name).Observe(batch.Count);
        metrics.DecodeSeconds.WithLabels(model.Name).Observe(Stopwatch.GetElapsedTime(start).TotalSeconds);
        metrics.PredictedRows.WithLabels(model.Name).Inc(rows);
    }

    private static void Answer(ServedModel model, List<PredictionJob> jobs)
    {
        var distributions = model.Regressor.PredictBatch(BatchTables.Concat(jobs.Select(j => j.Features).ToList()));
        int offset = 0;
        foreach (var job in jobs)
        {
            job.Complete(new PredictionResult(distributions.Skip(offset).Take(job.Rows).ToArray(), model.Version));
            offset += job.Rows;
        }
    }

    private static void AnswerAlone(ServedModel model, PredictionJob job)
    {
        try
        {
            Answer(model, [job]);
        }
        catch (DecoRegException e)
        {
            job.Fail(e);
        }
    }

    private void DisposeRetired()
    {
        while (retired.TryDequeue(out var old)) old.Dispose();
    }

    /// <summary>Stops taking requests, finishes the queued ones, then disposes the models.</summary>
    public void Dispose()
    {
        queue.Writer.TryComplete();
        arrivals.Release();
        thread.Join();
        Current.Dispose();
        reloading.Dispose();
        arrivals.Dispose();
    }
}
