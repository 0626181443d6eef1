using System.Diagnostics;
using TorchSharp;

namespace DecoReg.Model;

/// <summary>
/// The machine's measured fp32 matrix-multiply rate through libtorch, on libtorch's current thread count: the
/// denominator of "fraction of peak" in throughput reports. Repeats a square fp32 matmul (default 1024 × 1024, 2n³
/// FLOPs each) for about the given time after one warm-up product, and returns GFLOP/s.
/// </summary>
public static class MatmulPeak
{
    public static double MeasureGflops(int size = 1024, double seconds = 1.0)
    {
        if (size < 1) throw new ArgumentOutOfRangeException(nameof(size), size, "matrix size must be positive");
        using var scope = torch.NewDisposeScope();
        var a = torch.rand(size, size, torch.float32);
        var b = torch.rand(size, size, torch.float32);
        a.matmul(b).Dispose(); // warm-up: the first call allocates and picks kernels
        var clock = Stopwatch.StartNew();
        int products = 0;
        do
        {
            using var product = a.matmul(b);
            products++;
        }
        while (clock.Elapsed.TotalSeconds < seconds);
        return products * 2.0 * size * size * size / clock.Elapsed.TotalSeconds / 1e9;
    }
}
