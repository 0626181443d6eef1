namespace DecoReg.Data;

/// <summary>
/// The one place that turns a data argument into rows, by format: <c>uci:DIR</c> (UCI benchmark folder, see
/// <see cref="UciDataset"/>), <c>*.jsonl</c> / <c>*.ndjson</c> (<see cref="JsonLinesTableReader"/>), <c>*.parquet</c>
/// (<see cref="ParquetTableReader"/>), anything else CSV with a header (<see cref="CsvTableReader"/>; <c>*.tsv</c>
/// tab-separated). Every problem is a <see cref="DecoRegException"/> naming the file.
/// </summary>
public static class TableLoader
{
    /// <summary>Prefix of a UCI folder argument, e.g. <c>uci:datasets/uci/concrete</c>.</summary>
    public const string UciPrefix = "uci:";

    /// <summary>Supported formats, for help texts.</summary>
    public const string FormatsHelp = "CSV with header (.csv, .tsv), JSON Lines (.jsonl), Parquet (.parquet) or uci:DIR";

    /// <summary>True for a <c>uci:DIR</c> argument.</summary>
    public static bool IsUci(string spec) =>
        spec is not null && spec.StartsWith(UciPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The folder of a <c>uci:DIR</c> argument.</summary>
    public static string UciDirectory(string spec)
    {
        string dir = spec[UciPrefix.Length..].Trim();
        if (dir.Length == 0)
            throw new DecoRegException($"'{spec}': expected a UCI folder after 'uci:', e.g. uci:datasets/uci/concrete");
        return dir;
    }

    /// <summary>Reads a table file, choosing the reader by extension (not for <c>uci:</c> folders).</summary>
    public static Table ReadTable(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (IsUci(path))
            throw new DecoRegException($"'{path}': a UCI folder holds a dataset with a fixed target, not a plain table.");
        string ext = Path.GetExtension(path).ToLowerInvariant();
        return ext switch
        {
            ".jsonl" or ".ndjson" => JsonLinesTableReader.Read(path),
            ".parquet" => ParquetTableReader.Read(path),
            _ => CsvTableReader.Read(path),
        };
    }

    /// <summary>
    /// Loads a dataset: for a file, splits it into features and the numeric <paramref name="target"/> column (leaving
    /// out <paramref name="drop"/>); for <c>uci:DIR</c>, the given side of split <paramref name="split"/> (the target is
    /// fixed by index_target.txt, so <paramref name="target"/> must be null; <paramref name="drop"/> names feature
    /// columns x0, x1, ...).
    /// </summary>
    public static Dataset LoadDataset(string spec, string? target, IReadOnlyCollection<string>? drop = null,
        int split = 0, UciPart part = UciPart.Train)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (IsUci(spec))
        {
            if (target is not null)
                throw new DecoRegException(
                    $"'{spec}': a UCI folder's target is fixed by index_target.txt; leave out the target column option.");
            var data = UciDataset.Load(UciDirectory(spec), split, part);
            if (drop is { Count: > 0 }) data = data with { Features = data.Features.WithoutColumns(drop), DroppedColumns = [.. drop] };
            return data;
        }
        if (string.IsNullOrWhiteSpace(target))
            throw new DecoRegException($"{spec}: no target column given; name the column to predict.");
        return Dataset.FromTable(ReadTable(spec), target, drop);
    }
}
