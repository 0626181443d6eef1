using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace DecoReg.Server;

/// <summary>
/// The HTTP prediction service (<c>decoreg serve</c>): ASP.NET Core minimal APIs on Kestrel in front of one
/// micro-batching worker per model. Loads every model before it listens; stopping drains the requests in flight
/// (Kestrel waits for them, then each worker finishes its queue) before the models are freed.
/// </summary>
public sealed class PredictionServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ModelRegistry models;
    private bool stopped;

    private PredictionServer(WebApplication app, ModelRegistry models)
    {
        this.app = app;
        this.models = models;
    }

    /// <summary>The addresses the server listens on (actual ports once started, e.g. for port 0).</summary>
    public IReadOnlyList<string> Addresses => app.Urls.ToArray();

    /// <summary>The models' workers (for tests).</summary>
    internal IEnumerable<ModelWorker> Workers => models.All;

    /// <summary>
    /// Checks the options and loads the models (a bad option or model file is a <see cref="DecoRegException"/>);
    /// <paramref name="logging"/> replaces the default single-line console logging.
    /// </summary>
    public static PredictionServer Create(ServerOptions options, Action<ILoggingBuilder>? logging = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        if (logging is not null) logging(builder.Logging);
        else builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.fff "; });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = options.MaxBodyBytes;
            k.AddServerHeader = false;
        });
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = options.ShutdownTimeout);
        builder.Services.ConfigureHttpJsonOptions(j => Configure(j));
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();

        var metrics = new ServerMetrics();
        var app = builder.Build();
        var models = new ModelRegistry(options, metrics, app.Services.GetRequiredService<ILoggerFactory>());
        var requestLog = new RequestLog(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("DecoReg.Server.Requests"));
        app.UseRouting();
        app.Use(requestLog.Invoke);
        app.UseExceptionHandler();
        app.UseHttpMetrics(o => o.SetMetricFactory(metrics.Factory));
        app.UseStatusCodePages();
        if (options.ApiKey is { } key) app.Use(new ApiKeyCheck(key).Invoke);
        PredictionRoutes.Map(app, models, options, metrics);
        return new PredictionServer(app, models);
    }

    /// <summary>Starts listening (returns once bound).</summary>
    public Task StartAsync(CancellationToken cancellation = default) => app.StartAsync(cancellation);

    /// <summary>Runs until the process is asked to stop (Ctrl+C, SIGTERM) or <paramref name="cancellation"/> fires, then drains.</summary>
    public async Task RunAsync(CancellationToken cancellation = default)
    {
        await app.StartAsync(cancellation).ConfigureAwait(false);
        await app.WaitForShutdownAsync(cancellation).ConfigureAwait(false);
        await StopAsync().ConfigureAwait(false);
    }

    /// <summary>Stops listening, lets requests in flight finish, then finishes the queues and frees the models.</summary>
    public async Task StopAsync()
    {
        if (stopped) return;
        stopped = true;
        await app.StopAsync().ConfigureAwait(false);
        models.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    private static void Configure(JsonOptions json)
    {
        json.SerializerOptions.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
        json.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
    }
}
