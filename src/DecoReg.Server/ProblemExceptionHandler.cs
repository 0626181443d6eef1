using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DecoReg.Server;

/// <summary>
/// The one mapping from exceptions to RFC 7807 problem+json: refused requests (<see cref="RequestProblem"/>),
/// malformed JSON, Kestrel's bad requests (body too large → 413) and the library's <see cref="DecoRegException"/>
/// (bad rows) are 4xx. Routes use <see cref="Guard"/> so the answer keeps its route in metrics; whatever escapes a
/// route reaches <see cref="TryHandleAsync"/>, where anything unknown is a bug: 500 with no internals, logged.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Status code written when the client closed the request (nobody reads the answer).</summary>
    public const int ClientClosedRequest = 499;

    /// <summary>Runs a route, answering a client error as its problem (unknown exceptions propagate).</summary>
    public static async Task<IResult> Guard(HttpContext context, Func<Task<IResult>> route)
    {
        try
        {
            return await route().ConfigureAwait(false);
        }
        catch (Exception e) when (ClientError(context, e) is { } problem)
        {
            return problem.Status == ClientClosedRequest
                ? Results.StatusCode(ClientClosedRequest)
                : Results.Problem(statusCode: problem.Status, title: problem.Title, detail: problem.Detail);
        }
    }

    /// <summary>The problem a client caused, or null for a server bug.</summary>
    public static (int Status, string Title, string? Detail)? ClientError(HttpContext context, Exception exception) => exception switch
    {
        OperationCanceledException when context.RequestAborted.IsCancellationRequested => (ClientClosedRequest, "Client closed request", null),
        RequestProblem p => (p.Status, p.Title, p.Message),
        BadHttpRequestException b => (b.StatusCode, b.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request too large" : "Bad request", b.Message),
        JsonException j => (StatusCodes.Status400BadRequest, "Malformed JSON", $"body: {j.Message}"),
        DecoRegException d => (StatusCodes.Status400BadRequest, "Invalid rows", d.Message),
        _ => null,
    };

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = ClientError(httpContext, exception);
        var (status, title, detail) = problem ?? (StatusCodes.Status500InternalServerError, "Internal error", "The server failed to answer; the error is in its log.");
        if (problem is null) logger.LogError(exception, "{Method} {Path} failed", httpContext.Request.Method, httpContext.Request.Path);
        httpContext.Response.StatusCode = status;
        if (status == ClientClosedRequest) return true;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        }).ConfigureAwait(false);
    }
}
