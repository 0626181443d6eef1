namespace DecoReg.Tests.Data;

/// <summary>A fresh temporary folder for small test files, deleted on dispose.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir()
    {
        FullPath = Path.Combine(Path.GetTempPath(), "decoreg-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(FullPath);
    }

    public string FullPath { get; }

    /// <summary>Writes a file (UTF-8, text as given) and returns its path.</summary>
    public string Write(string name, string text)
    {
        var path = Path.Combine(FullPath, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(FullPath, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
