namespace DecoReg.Bench;

/// <summary>
/// An exclusive lock file in a results folder, held while a bench process re-reads, merges and rewrites its results,
/// so concurrent commands writing the same folder never lose each other's runs.
/// </summary>
public static class FileLock
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>Opens <paramref name="path"/> exclusively, waiting up to five minutes for another holder; dispose to release.</summary>
    public static FileStream Acquire(string path)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (clock.Elapsed < Timeout)
            {
                Thread.Sleep(200);
            }
        }
    }
}
