using TorchSharp;
using static TorchSharp.torch;

namespace DecoReg.Tests.Model;

/// <summary>Proves the native libtorch loads on this host (patched by the build where needed) and trains.</summary>
public class TorchSharpLoadTests
{
    [Fact]
    public void TransformerLayerRunsForwardAndBackward()
    {
        torch.manual_seed(1);
        using var layer = nn.TransformerEncoderLayer(16, 2, 32, 0.0);
        using var x = torch.randn(3, 5, 16, requires_grad: true);
        using var y = layer.call(x);
        using var loss = y.pow(2).mean();
        loss.backward();
        Assert.Equal(new long[] { 3, 5, 16 }, y.shape);
        Assert.NotNull(x.grad);
        Assert.True(x.grad!.abs().sum().item<float>() > 0f);
        Assert.All(layer.parameters(), p => Assert.NotNull(p.grad));
    }
}
