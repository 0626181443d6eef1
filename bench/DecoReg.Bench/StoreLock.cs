namespace DecoReg.Bench;

/// <summary>
/// An exclusive lock on <c>.&lt;suite&gt;.lock</c> in a results folder, shared by concurrent bench processes writing
/// the same suite's store (waits up to 5 minutes for another writer).
/// </summary>
public static class StoreLock
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static FileStream Acquire(string outDir, string suite)
    {
        string path = Path.Combine(outDir, $".{suite}.lock");
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
