using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DecoReg.Model;

/// <summary>
/// Embeds a table row as one encoder token per column: E[id] + value·W[column], where the id (from the featurizer)
/// already names the column and its state (numeric present / missing, categorical level / unseen / missing), and
/// W[column] is a learned direction scaled by the standardized numeric value (zero for non-numeric cells).
/// </summary>
public sealed class TabularEmbedding : InputEmbedding
{
    private readonly Embedding ids;
    private readonly Parameter numericDirection;

    public TabularEmbedding(int vocabularySize, int columns, int modelDim) : base(nameof(TabularEmbedding))
    {
        ids = nn.Embedding(vocabularySize, modelDim);
        numericDirection = nn.Parameter(torch.randn(columns, modelDim) * (1.0 / Math.Sqrt(modelDim)) * 4.0);
        using (torch.no_grad()) ids.weight!.mul_(0.5);
        RegisterComponents();
    }

    public override Tensor forward(InputBatch input)
    {
        using var e = ids.call(input.Tokens);
        using var v = input.Values.unsqueeze(-1);
        return e + v * numericDirection;
    }
}
