using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Prometheus;

namespace DecoReg.Server;

/// <summary>The service's routes: prediction, model listing and reload, health probes and metrics.</summary>
internal static class PredictionRoutes
{
    private static readonly JsonDocumentOptions BodyOptions = new() { MaxDepth = 32 };

    public static void Map(WebApplication app, ModelRegistry models, ServerOptions options, ServerMetrics metrics)
    {
        var stopping = app.Lifetime.ApplicationStopping;
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
        app.MapGet("/readyz", () => stopping.IsCancellationRequested
            ? Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Stopping", detail: "the server is shutting down.")
            : Results.Ok(new { status = "ready", models = models.All.Select(w => w.Name).ToArray() }));
        app.MapGet("/v1/models", () => Results.Ok(new { models = models.All.Select(w => ModelSummary.From(w.Current)).ToArray() }));
        app.MapGet("/v1/models/{name}", (string name, HttpContext context) =>
            ProblemExceptionHandler.Guard(context, () => Task.FromResult(Results.Ok(ModelDescription.From(models.Get(name).Current)))));
        app.MapPost("/v1/models/{name}/predict", (string name, HttpContext context) =>
            ProblemExceptionHandler.Guard(context, () => Predict(models.Get(name), context, options)));
        app.MapPost("/v1/models/{name}/reload", (string name, HttpContext context) =>
            ProblemExceptionHandler.Guard(context, () => Reload(models.Get(name), context)));
        app.MapMetrics("/metrics", metrics.Registry);
    }

    private static async Task<IResult> Predict(ModelWorker worker, HttpContext context, ServerOptions options)
    {
        var aborted = context.RequestAborted;
        PredictRequest request;
        using (var body = await JsonDocument.ParseAsync(context.Request.Body, BodyOptions, aborted).ConfigureAwait(false))
            request = PredictRequest.Read(body.RootElement, options.MaxRowsPerRequest);
        RequestLog.SetRows(context, request.Rows.RowCount);
        var job = new PredictionJob(worker.Current.Prepare(request.Rows, request.Task));
        if (!worker.TryEnqueue(job))
        {
            context.Response.Headers.RetryAfter = options.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Busy",
                detail: $"model '{worker.Name}': {options.QueueCapacity} requests are already waiting; retry after {options.RetryAfterSeconds} s.");
        }
        PredictionResult result;
        using (aborted.Register(() => worker.Cancel(job)))
            result = await job.Result.ConfigureAwait(false);
        return Results.Ok(PredictResponse.From(worker.Name, result, request));
    }

    private static async Task<IResult> Reload(ModelWorker worker, HttpContext context)
    {
        try
        {
            var model = await worker.ReloadAsync(context.RequestAborted).ConfigureAwait(false);
            return Results.Ok(ModelSummary.From(model));
        }
        catch (DecoRegException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Model file not loaded",
                detail: $"{e.Message} The model loaded before (version {worker.Current.Version}) keeps serving.");
        }
    }
}
