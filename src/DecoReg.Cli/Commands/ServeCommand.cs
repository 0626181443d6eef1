using System.ComponentModel;
using DecoReg.Server;
using Spectre.Console.Cli;

namespace DecoReg.Cli.Commands;

/// <summary>
/// <c>decoreg serve</c>: runs the HTTP prediction service (<see cref="PredictionServer"/>) until Ctrl+C or SIGTERM,
/// then drains the requests in flight. A thin shell: options in, server out.
/// </summary>
public sealed class ServeCommand : AsyncCommand<ServeCommand.Settings>
{
    /// <summary>Environment variable read when --api-key is not given (keeps the key out of the process list).</summary>
    public const string ApiKeyVariable = "DECOREG_API_KEY";

    public sealed class Settings : CommandSettings
    {
        [CommandOption("-m|--model <NAME=FILE>")]
        [Description("A model to serve under NAME (repeat for several): POST /v1/models/NAME/predict.")]
        public string[] Models { get; init; } = [];

        [CommandOption("--urls <URLS>")]
        [Description("Where to listen (semicolon-separated). Anything but loopback needs --api-key.")]
        [DefaultValue("http://127.0.0.1:5080")]
        public string Urls { get; init; } = "http://127.0.0.1:5080";

        [CommandOption("--max-batch-rows <N>")]
        [Description("Most rows of concurrent requests decoded together.")]
        [DefaultValue(256)]
        public int MaxBatchRows { get; init; } = 256;

        [CommandOption("--max-wait-ms <MS>")]
        [Description("How long a worker waits for more requests to batch once it holds one.")]
        [DefaultValue(20)]
        public int MaxWaitMs { get; init; } = 20;

        [CommandOption("--no-batching")]
        [Description("Decode one request at a time (same as --max-batch-rows 1 --max-wait-ms 0 for 1-row requests).")]
        public bool NoBatching { get; init; }

        [CommandOption("--queue-capacity <N>")]
        [Description("Requests waiting per model before new ones get 503 with Retry-After.")]
        [DefaultValue(1024)]
        public int QueueCapacity { get; init; } = 1024;

        [CommandOption("--api-key <KEY>")]
        [Description("Require 'Authorization: Bearer KEY' on every route but /healthz and /readyz (default: $DECOREG_API_KEY).")]
        public string? ApiKey { get; init; }

        [CommandOption("--max-body-bytes <N>")]
        [Description("Largest request body (413 above).")]
        [DefaultValue(8L * 1024 * 1024)]
        public long MaxBodyBytes { get; init; } = 8L * 1024 * 1024;

        [CommandOption("--max-rows <N>")]
        [Description("Most rows per prediction request (413 above).")]
        [DefaultValue(10_000)]
        public int MaxRows { get; init; } = 10_000;

        /// <summary>The server's options (NAME=FILE pairs checked here; the rest in <see cref="ServerOptions.Validate"/>).</summary>
        public ServerOptions ToOptions()
        {
            var models = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var spec in Models)
            {
                int eq = spec.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0) throw new DecoRegException($"--model {spec}: expected NAME=FILE, e.g. --model concrete=concrete.decoreg.");
                if (!models.TryAdd(spec[..eq], spec[(eq + 1)..])) throw new DecoRegException($"--model {spec}: the name '{spec[..eq]}' is given twice.");
            }
            string? key = ApiKey ?? Environment.GetEnvironmentVariable(ApiKeyVariable);
            return new ServerOptions
            {
                Models = models,
                Urls = Urls,
                MaxBatchRows = NoBatching ? 1 : MaxBatchRows,
                MaxWaitMs = NoBatching ? 0 : MaxWaitMs,
                QueueCapacity = QueueCapacity,
                ApiKey = string.IsNullOrEmpty(key) ? null : key,
                MaxBodyBytes = MaxBodyBytes,
                MaxRowsPerRequest = MaxRows,
            };
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var server = PredictionServer.Create(settings.ToOptions());
        try
        {
            await server.RunAsync(cancellationToken);
        }
        catch (IOException e) // e.g. the address is in use
        {
            throw new DecoRegException($"--urls {settings.Urls}: cannot listen: {e.Message}", e);
        }
        return ErrorHandling.Ok;
    }
}
