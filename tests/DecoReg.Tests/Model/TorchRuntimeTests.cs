using DecoReg.Model;
using TorchSharp;

namespace DecoReg.Tests.Model;

public class TorchRuntimeTests
{
    [Fact]
    public void OnGlibc_FreedTensorMemoryIsKept_AndTensorsStillWork()
    {
        TorchRuntime.Initialize();
        if (OperatingSystem.IsLinux() && !TorchRuntime.AllocatorTunedByUser)
            Assert.True(TorchRuntime.KeepsFreedMemory, "mallopt did not take the allocator settings");

        // Large blocks are now served from the heap and reused: allocate, free and refill one twice.
        for (int i = 0; i < 2; i++)
        {
            using var big = torch.full(new long[] { 4096, 4096 }, 1.5f);
            Assert.Equal(1.5f * 4096 * 4096, big.sum().item<float>(), 1e-2f * 4096 * 4096);
        }
    }
}
