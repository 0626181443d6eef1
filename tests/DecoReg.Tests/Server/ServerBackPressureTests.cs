using System.Net;

namespace DecoReg.Tests.Server;

/// <summary>
/// A full queue answers 503 with Retry-After; a client that goes away has its rows skipped; a reload during a batch
/// lets the batch finish on the old model. The worker is held at a gate (the test seam <c>BeforeBatch</c>) so the
/// queue state is known without timing.
/// </summary>
public class ServerBackPressureTests
{
    private sealed class Gate
    {
        public readonly SemaphoreSlim Entered = new(0);
        public readonly ManualResetEventSlim Open = new(false);
        public readonly List<int> Batches = [];

        public void Hold(int rows)
        {
            lock (Batches) Batches.Add(rows);
            Entered.Release();
            Open.Wait();
        }
    }

    [Fact]
    public async Task FullQueue_Is503WithRetryAfter_AndCancelledRowsAreSkipped()
    {
        var gate = new Gate();
        await using var server = await TestServer.StartAsync(o => o with { QueueCapacity = 1, MaxWaitMs = 0, BeforeBatch = gate.Hold });
        var one = new { rows = TestServer.YachtRows(1).Rows };
        var two = new { rows = TestServer.YachtRows(2).Rows };

        var first = server.Predict(one);                       // taken by the worker, held at the gate
        Assert.True(await gate.Entered.WaitAsync(TimeSpan.FromMinutes(1)));
        using var leave = new CancellationTokenSource();
        var second = server.Predict(two, leave.Token);         // fills the queue (capacity 1)
        await Until(() => QueuedRequests(server) == 1);

        var refused = await server.Predict(one);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);

        leave.Cancel();                                        // the queued client goes away
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        await Until(() => Metrics(server).Contains("decoreg_cancelled_requests_total{model=\"yacht\"} 1"));

        gate.Open.Set();
        Assert.Equal(HttpStatusCode.OK, (await first).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Predict(one)).StatusCode);
        lock (gate.Batches) Assert.Equal([1, 1], gate.Batches); // the cancelled 2-row request was never decoded
    }

    [Fact]
    public async Task ReloadDuringABatch_FinishesItOnTheOldModel()
    {
        var gate = new Gate();
        await using var server = await TestServer.StartAsync(o => o with { BeforeBatch = gate.Hold });
        var one = new { rows = TestServer.YachtRows(1).Rows };
        var first = server.Predict(one);
        Assert.True(await gate.Entered.WaitAsync(TimeSpan.FromMinutes(1)));
        var reload = await server.Client.PostAsync("/v1/models/yacht/reload", null);   // same file: version 2
        Assert.Equal(HttpStatusCode.OK, reload.StatusCode);
        gate.Open.Set();
        Assert.Equal(1, (await TestServer.Json(await first)).GetProperty("modelVersion").GetInt32());
        Assert.Equal(2, (await TestServer.Json(await server.Predict(one))).GetProperty("modelVersion").GetInt32());
    }

    private static int QueuedRequests(TestServer server) =>
        server.Server.Workers.Single().QueuedRequests;

    private static string Metrics(TestServer server) => server.Client.GetStringAsync("/metrics").GetAwaiter().GetResult();

    /// <summary>Polls a condition (no time is asserted; the generous limit only stops a broken test from hanging).</summary>
    private static async Task Until(Func<bool> condition)
    {
        for (int i = 0; i < 6000 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition());
    }
}
