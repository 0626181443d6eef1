using Microsoft.Extensions.Logging;

namespace DecoReg.Server;

/// <summary>The served models by name, each with its worker. Every file is loaded before the server listens.</summary>
internal sealed class ModelRegistry : IDisposable
{
    private readonly Dictionary<string, ModelWorker> workers = new(StringComparer.Ordinal);

    public ModelRegistry(ServerOptions options, ServerMetrics metrics, ILoggerFactory logging)
    {
        var logger = logging.CreateLogger("DecoReg.Server.Models");
        try
        {
            foreach (var (name, path) in options.Models)
            {
                var model = ServedModel.Load(name, path, 1);
                workers[name] = new ModelWorker(model, options, metrics, logger);
                logger.LogInformation("model {Model} loaded from {Path}", name, path);
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public IEnumerable<ModelWorker> All => workers.Values;

    /// <summary>The worker of a model; an unknown name is a 404 problem listing the served names.</summary>
    public ModelWorker Get(string name) =>
        workers.TryGetValue(name, out var worker) ? worker : throw RequestProblem.UnknownModel(name, workers.Keys);

    /// <summary>Finishes the queued requests of every model, then frees the models.</summary>
    public void Dispose()
    {
        foreach (var worker in workers.Values) worker.Dispose();
        workers.Clear();
    }
}
