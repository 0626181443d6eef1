using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DecoReg.Server;

/// <summary>One Information line per request: method, path, status, rows predicted and latency in milliseconds.</summary>
internal sealed class RequestLog(ILogger logger)
{
    private const string RowsKey = "decoreg.rows";

    /// <summary>Records how many rows a request asked for (shown in its log line).</summary>
    public static void SetRows(HttpContext context, int rows) => context.Items[RowsKey] = rows;

    public async Task Invoke(HttpContext context, RequestDelegate next)
    {
        long start = Stopwatch.GetTimestamp();
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            int rows = context.Items.TryGetValue(RowsKey, out var r) && r is int n ? n : 0;
            logger.LogInformation("{Method} {Path} {Status} rows={Rows} {Milliseconds:F1} ms", context.Request.Method,
                context.Request.Path.Value, context.Response.StatusCode, rows, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    }
}
