using System.Runtime.InteropServices;

namespace DecoReg.Model;

/// <summary>
/// Process-wide libtorch settings, applied once before the native library loads. OpenMP's default busy-waiting made
/// 2 threads many times slower than 1 on a 2-core machine whenever another process used a core; a passive wait policy
/// removes that cliff (measurements in bench/README.md), so it is set unless the user chose a policy. Thread count: libtorch's default (one per core) unless asked otherwise.
/// </summary>
public static class TorchRuntime
{
    private static readonly object Gate = new();
    private static bool initialized;

    /// <summary>Applies the settings; call before the first tensor is created. Later calls only change threads.</summary>
    public static void Initialize(int threads = 0)
    {
        lock (Gate)
        {
            if (!initialized)
            {
                if (OperatingSystem.IsLinux() && Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") is null)
                    SetNativeEnvironment("OMP_WAIT_POLICY", "PASSIVE");
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

    [DllImport("libc", SetLastError = true)]
    private static extern int setenv(string name, string value, int overwrite);
}
