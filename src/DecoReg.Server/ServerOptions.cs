using System.Text.RegularExpressions;

namespace DecoReg.Server;

/// <summary>
/// What <c>decoreg serve</c> runs: the models by name, where it listens, the micro-batching knobs and the limits that
/// keep it standing under load. Plain values with defaults; <see cref="Validate"/> is the one place that checks them
/// (a non-loopback address without an API key is refused there).
/// </summary>
public sealed partial record ServerOptions
{
    /// <summary>Model name (used in routes) → model file.</summary>
    public IReadOnlyDictionary<string, string> Models { get; init; } = new Dictionary<string, string>();

    /// <summary>Semicolon-separated listen URLs (Kestrel syntax); port 0 picks a free port.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    /// <summary>Most rows decoded in one batch (a single larger request is still decoded whole); 1 = no batching.</summary>
    public int MaxBatchRows { get; init; } = 256;

    /// <summary>Most time a worker waits for more requests once it holds one; the wait ends earlier at a 1 ms pause in arrivals (0 = take only what is queued).</summary>
    public int MaxWaitMs { get; init; } = 20;

    /// <summary>Requests waiting per model before new ones get 503 with Retry-After.</summary>
    public int QueueCapacity { get; init; } = 1024;

    /// <summary>Bearer key every route but /healthz and /readyz requires (null = none; then loopback only).</summary>
    public string? ApiKey { get; init; }

    /// <summary>Largest request body in bytes (413 above).</summary>
    public long MaxBodyBytes { get; init; } = 8L * 1024 * 1024;

    /// <summary>Most rows in one prediction request (413 above).</summary>
    public int MaxRowsPerRequest { get; init; } = 10_000;

    /// <summary>Seconds a client is told to wait (Retry-After) when a queue is full.</summary>
    public int RetryAfterSeconds { get; init; } = 1;

    /// <summary>How long shutdown waits for requests in flight.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Test seam: called on the worker thread before each batch with its row count.</summary>
    internal Action<int>? BeforeBatch { get; init; }

    /// <summary>Checks every value; problems are <see cref="DecoRegException"/>s naming the option.</summary>
    public void Validate()
    {
        if (Models.Count == 0) throw new DecoRegException("serve: give at least one model: --model NAME=FILE.");
        foreach (var (name, path) in Models)
        {
            if (!ModelName().IsMatch(name))
                throw new DecoRegException($"--model {name}={path}: a model name is letters, digits, '.', '_' or '-' (it is part of the URL).");
            if (string.IsNullOrWhiteSpace(path)) throw new DecoRegException($"--model {name}=: no model file given.");
        }
        Positive(MaxBatchRows, "--max-batch-rows");
        if (MaxWaitMs < 0) throw new DecoRegException($"--max-wait-ms: {MaxWaitMs} is negative.");
        Positive(QueueCapacity, "--queue-capacity");
        Positive(MaxRowsPerRequest, "--max-rows");
        if (MaxBodyBytes < 1024) throw new DecoRegException($"--max-body-bytes: {MaxBodyBytes} is below 1024.");
        if (RetryAfterSeconds < 1) throw new DecoRegException($"retry-after: {RetryAfterSeconds} must be at least 1 second.");
        if (ApiKey is { } key && (key.Length < 16 || key.Any(char.IsWhiteSpace)))
            throw new DecoRegException("--api-key: use at least 16 characters and no spaces (e.g. `openssl rand -hex 32`).");
        var exposed = ListenAddresses.NonLoopback(Urls);
        if (exposed.Count > 0 && ApiKey is null)
            throw new DecoRegException(
                $"--urls {Urls}: {string.Join(", ", exposed)} is reachable from other machines; refusing to serve it without " +
                "--api-key KEY (or DECOREG_API_KEY). Use http://127.0.0.1:PORT to serve this machine only.");
    }

    private static void Positive(int value, string option)
    {
        if (value < 1) throw new DecoRegException($"{option}: {value} must be at least 1.");
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex ModelName();
}
