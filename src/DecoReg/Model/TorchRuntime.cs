using System.Runtime.InteropServices;

namespace DecoReg.Model;

/// <summary>
/// Process-wide libtorch settings, applied once before the native library loads. OpenMP's default busy-waiting made
/// 2 threads many times slower than 1 on a 2-core machine whenever another process used a core; a passive wait policy
/// removes that cliff (measurements in bench/README.md), so it is set unless the user chose a policy. glibc's allocator
/// is told to keep freed tensor memory (<see cref="KeepsFreedMemory"/>). Thread count: libtorch's default (one per
/// core) unless asked otherwise.
/// </summary>
public static class TorchRuntime
{
    private static readonly object Gate = new();
    private static bool initialized;

    /// <summary>Whether <see cref="Initialize"/> set glibc to keep freed memory in the heap (Linux with glibc, and the
    /// user had not tuned the allocator).</summary>
    public static bool KeepsFreedMemory { get; private set; }

    /// <summary>Whether the user tuned glibc's allocator (any <c>MALLOC_*</c> variable or <c>GLIBC_TUNABLES</c>), which
    /// <see cref="Initialize"/> then leaves alone.</summary>
    internal static bool AllocatorTunedByUser =>
        Environment.GetEnvironmentVariable("GLIBC_TUNABLES") is not null
        || Environment.GetEnvironmentVariables().Keys.Cast<string>().Any(k => k.StartsWith("MALLOC_", StringComparison.Ordinal));

    /// <summary>Applies the settings; call before the first tensor is created. Later calls only change threads.</summary>
    public static void Initialize(int threads = 0)
    {
        lock (Gate)
        {
            if (!initialized)
            {
                if (OperatingSystem.IsLinux() && Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") is null)
                    SetNativeEnvironment("OMP_WAIT_POLICY", "PASSIVE");
                if (OperatingSystem.IsLinux()) KeepFreedTensorMemory();
                initialized = true;
            }
            if (threads > 0) torch.set_num_threads(threads);
        }
    }

    private static void SetNativeEnvironment(string name, string value)
    {
        try
        {
            setenv(name, value, 0);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc: keep the runtime's defaults.
        }
        Environment.SetEnvironmentVariable(name, value);
    }

    /// <summary>
    /// glibc serves every block above its mmap threshold (at most 32 MB, raised only as blocks are freed) with a fresh
    /// mapping and returns freed heap tops to the kernel, so a tensor allocated per batch is zero-filled page by page
    /// every time: half of a text prediction's time went to page faults in the kernel. Keeping freed blocks in the
    /// heap (a 1 GB mmap threshold, no trimming) removes that (bench/README.md, "glibc's allocator": text prediction
    /// 1.4–1.8×, decoding 1.5–2× faster, identical results) for more resident memory, which the process keeps after
    /// its largest batch. Skipped where the user tuned glibc's allocator (MALLOC_* or GLIBC_TUNABLES) or the C
    /// library is not glibc (a trimming threshold below the maximum measured no gain).
    /// </summary>
    private static void KeepFreedTensorMemory()
    {
        if (AllocatorTunedByUser) return;
        try
        {
            KeepsFreedMemory = mallopt(MallocTrimThreshold, int.MaxValue) == 1 && mallopt(MallocMmapThreshold, 1 << 30) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc: keep its allocator's defaults.
        }
    }

    private const int MallocTrimThreshold = -1, MallocMmapThreshold = -3;

    [DllImport("libc", SetLastError = true)]
    private static extern int setenv(string name, string value, int overwrite);

    [DllImport("libc")]
    private static extern int mallopt(int param, int value);
}
