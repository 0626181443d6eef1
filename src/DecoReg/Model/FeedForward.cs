using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DecoReg.Model;

/// <summary>Position-wise feed-forward block: Linear → GELU → Dropout → Linear.</summary>
internal sealed class FeedForward : nn.Module<Tensor, Tensor>
{
    private readonly Linear up, down;
    private readonly BitDropout dropout;

    public FeedForward(int modelDim, int hiddenDim, double dropoutRate) : base(nameof(FeedForward))
    {
        up = nn.Linear(modelDim, hiddenDim);
        down = nn.Linear(hiddenDim, modelDim);
        dropout = new BitDropout(dropoutRate);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var h = up.call(x);
        using var g = nn.functional.gelu(h);
        using var d = dropout.call(g);
        return down.call(d);
    }
}
