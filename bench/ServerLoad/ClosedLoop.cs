using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace DecoReg.Bench.ServerLoad;

/// <summary>
/// A closed-loop load generator: <c>concurrency</c> clients each send the next request as soon as the last one is
/// answered, for a fixed time after a warm-up; every request's latency is kept. Throughput is rows answered per
/// second of the measured window.
/// </summary>
internal static class ClosedLoop
{
    public sealed record Result(int Requests, int Failures, double RowsPerSecond, double P50Ms, double P99Ms);

    public static async Task<Result> Run(HttpClient client, string path, byte[] body, int rowsPerRequest, int concurrency, TimeSpan warmUp, TimeSpan measure)
    {
        var latencies = new List<double>[concurrency];
        int failures = 0;
        var started = Stopwatch.StartNew();
        long measureFrom = Stopwatch.Frequency * (long)warmUp.TotalMilliseconds / 1000;
        long stopAt = measureFrom + Stopwatch.Frequency * (long)measure.TotalMilliseconds / 1000;
        var clients = Enumerable.Range(0, concurrency).Select(async c =>
        {
            latencies[c] = [];
            while (started.ElapsedTicks < stopAt)
            {
                long t0 = started.ElapsedTicks;
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await client.PostAsync(path, content).ConfigureAwait(false);
                await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                long t1 = started.ElapsedTicks;
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref failures);
                else if (t0 >= measureFrom && t1 <= stopAt) latencies[c].Add((t1 - t0) * 1000.0 / Stopwatch.Frequency);
            }
        }).ToArray();
        await Task.WhenAll(clients).ConfigureAwait(false);
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double rate = all.Length * rowsPerRequest / measure.TotalSeconds;
        return new Result(all.Length, failures, rate, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    /// <summary>The request body of <paramref name="rows"/> JSON row objects.</summary>
    public static byte[] Body(IReadOnlyList<string> rowJson, int rows, int offset)
    {
        var sb = new StringBuilder("{\"rows\":[");
        for (int i = 0; i < rows; i++) sb.Append(i == 0 ? "" : ",").Append(rowJson[(offset + i) % rowJson.Count]);
        return Encoding.UTF8.GetBytes(sb.Append("]}").ToString());
    }

    private static double Percentile(double[] sorted, double q) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
}
