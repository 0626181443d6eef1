using System.Text;
using DecoReg.Persistence;

namespace DecoReg.Cli;

/// <summary>
/// How commands write files: the target is checked before any work is done (exists without --force, folder missing
/// or not writable), and content is written to a temporary file beside the target and then moved over it, so an
/// output file is never left half-written and an existing file survives a failed run.
/// </summary>
public static class OutputFiles
{
    /// <summary>
    /// Throws a <see cref="DecoRegException"/> when <paramref name="path"/> cannot be written: it exists and
    /// <paramref name="force"/> is false, it is a folder, or its folder is missing or not writable (probed with a
    /// temporary file that is removed again).
    /// </summary>
    public static void CheckWritable(string path, bool force, string what = "output file")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Directory.Exists(path))
            throw new DecoRegException($"{path}: cannot write the {what}: it is a folder.");
        if (File.Exists(path) && !force)
            throw new DecoRegException($"{path}: the {what} already exists; use --force to overwrite it.");
        string full;
        try { full = Path.GetFullPath(path); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new DecoRegException($"{path}: cannot write the {what}: {e.Message}", e);
        }
        string dir = Path.GetDirectoryName(full) ?? ".";
        if (!Directory.Exists(dir))
            throw new DecoRegException($"{path}: cannot write the {what}: folder '{dir}' does not exist.");
        string probe = AtomicFile.TempPath(full);
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None)) { }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DecoRegException($"{path}: cannot write the {what}: {e.Message}", e);
        }
        finally
        {
            AtomicFile.TryDelete(probe);
        }
    }

    /// <summary>Writes <paramref name="text"/> (UTF-8, no BOM) atomically: temporary file in the same folder, then a move.</summary>
    public static void WriteAllTextAtomic(string path, string text, bool force, string what = "output file")
    {
        CheckWritable(path, force, what);
        AtomicFile.Write(path, temp => File.WriteAllText(temp, text, new UTF8Encoding(false)), overwrite: force, what);
    }

    /// <summary>Writes <paramref name="text"/> atomically to <paramref name="path"/>, or to standard output when no path is given.</summary>
    public static void WriteOrPrint(Spectre.Console.IAnsiConsole console, string? path, string text, bool force)
    {
        if (path is null) console.Profile.Out.Writer.Write(text);
        else WriteAllTextAtomic(path, text, force);
    }

    /// <summary>Creates <paramref name="dir"/> if needed; a <see cref="DecoRegException"/> if that fails.</summary>
    public static string EnsureDirectory(string dir, string what = "plot folder")
    {
        try
        {
            if (File.Exists(dir)) throw new DecoRegException($"{dir}: cannot use it as the {what}: it is a file.");
            return Directory.CreateDirectory(dir).FullName;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new DecoRegException($"{dir}: cannot create the {what}: {e.Message}", e);
        }
    }
}
