using DecoReg.Inputs;

namespace DecoReg.Server;

/// <summary>
/// One loaded version of a served model file: the regressor and the library's schema alignment for its rows. A reload
/// makes a new one; the worker disposes the old one once no batch uses it.
/// </summary>
public sealed class ServedModel : IDisposable
{
    private ServedModel(string name, string path, int version, DecodingRegressor regressor)
    {
        Name = name;
        Path = path;
        Version = version;
        Regressor = regressor;
        Alignment = new SchemaAlignment(regressor.Schema, regressor.TargetColumn, regressor.Learned.DroppedColumns);
        LoadedAt = DateTimeOffset.UtcNow;
    }

    public string Name { get; }
    public string Path { get; }

    /// <summary>1 for the file loaded at start, +1 per successful reload.</summary>
    public int Version { get; }

    public DateTimeOffset LoadedAt { get; }

    /// <summary>Not thread-safe: only the model's worker decodes with it.</summary>
    public DecodingRegressor Regressor { get; }

    public SchemaAlignment Alignment { get; }

    /// <summary>Loads the file; a missing, corrupt or foreign file is a <see cref="DecoRegException"/>.</summary>
    public static ServedModel Load(string name, string path, int version) => new(name, path, version, DecodingRegressor.Load(path));

    /// <summary>
    /// The request's rows lined up with the model (the recorded target and dropped columns left out). They are featurized
    /// once, in the worker's batch; a batch that fails there (missing or unexpected columns, a non-number in a numeric
    /// column) is retried request by request, so the error reaches only the request that caused it. For a multi-task model the
    /// rows get their task (<paramref name="task"/> written into the task column; an unknown task is an error listing the
    /// model's tasks), so rows of different tasks still decode in one batch. Thread-safe.
    /// </summary>
    public Table Prepare(Table rows, string? task = null)
    {
        return Regressor.Targets.Assign(Alignment.Features(rows), task);
    }

    public void Dispose() => Regressor.Dispose();
}
