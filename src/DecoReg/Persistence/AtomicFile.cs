namespace DecoReg.Persistence;

/// <summary>
/// Writes a file so that readers never see half of it and a failed write leaves the old file intact: the content goes
/// to a temporary file beside the target (same folder, so the move is a rename) which is then moved over it. Every
/// output of the library, the CLI and the benchmark goes through here (model files add a checksum on top).
/// </summary>
public static class AtomicFile
{
    /// <summary>
    /// Calls <paramref name="write"/> with a temporary path beside <paramref name="path"/>, then moves it into place
    /// (replacing an existing file only when <paramref name="overwrite"/>). I/O failures become a
    /// <see cref="DecoRegException"/> naming the file and <paramref name="what"/> it is; the temporary file is removed.
    /// </summary>
    public static void Write(string path, Action<string> write, bool overwrite = true, string what = "file")
    {
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(path);
        string temp = TempPath(full);
        try
        {
            write(temp);
            File.Move(temp, full, overwrite);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DecoRegException($"{path}: cannot write the {what}: {e.Message}", e);
        }
        finally
        {
            TryDelete(temp);
        }
    }

    /// <summary>A hidden, unique temporary name beside <paramref name="fullPath"/>, keeping its extension (some writers go by it).</summary>
    public static string TempPath(string fullPath) =>
        Path.Combine(Path.GetDirectoryName(fullPath) ?? ".",
            $".{Path.GetFileNameWithoutExtension(fullPath)}.{Guid.NewGuid():N}.tmp{Path.GetExtension(fullPath)}");

    /// <summary>Deletes a leftover temporary file; failures are ignored (it is hidden and uniquely named).</summary>
    public static void TryDelete(string path)
    {
        try
        {
            if (File.Exists(path)) File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
