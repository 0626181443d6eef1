using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DecoReg.Server;

/// <summary>
/// Turns every exception a request can cause into RFC 7807 problem+json with a 4xx status: refused requests
/// (<see cref="RequestProblem"/>), malformed JSON, Kestrel's bad requests (body too large → 413) and the library's
/// <see cref="DecoRegException"/> (bad rows) → 400. Anything else is a bug: 500 with no internals, logged.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            httpContext.Response.StatusCode = 499; // client closed the request: nobody reads the answer
            return true;
        }
        var (status, title, detail) = exception switch
        {
            RequestProblem p => (p.Status, p.Title, p.Message),
            BadHttpRequestException b => (b.StatusCode, b.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request too large" : "Bad request", b.Message),
            JsonException j => (StatusCodes.Status400BadRequest, "Malformed JSON", $"body: {j.Message}"),
            DecoRegException d => (StatusCodes.Status400BadRequest, "Invalid rows", d.Message),
            _ => (StatusCodes.Status500InternalServerError, "Internal error", "The server failed to answer; the error is in its log."),
        };
        if (status >= 500) logger.LogError(exception, "{Method} {Path} failed", httpContext.Request.Method, httpContext.Request.Path);
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        }).ConfigureAwait(false);
    }
}
