using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DecoReg.Model;

/// <summary>
/// Embeds a table row as one encoder token per column: E[id] + numeric(value, column), where the id (from the
/// featurizer) already names the column and its state (numeric present / missing, categorical level / unseen /
/// missing), and the numeric part — zero unless the id carries a value — is either a learned direction scaled by the
/// standardized value or periodic features of it (<see cref="NumericEmbedding"/>).
/// </summary>
public sealed class TabularEmbedding : InputEmbedding
{
    private readonly Embedding ids;
    private readonly Tensor carriesValue;      // [vocabulary] float buffer: 1 for "numeric present" ids
    private readonly Parameter? direction;     // Linear: [columns, d]
    private readonly Parameter? frequencies;   // Periodic: [columns, F]
    private readonly Parameter? weight;        // Periodic: [columns, 2F, d]
    private readonly Parameter? bias;          // Periodic: [columns, d]
    private readonly NumericEmbedding kind;

    /// <param name="valueIds">Token ids whose cells carry a numeric value (the featurizer's "present" ids).</param>
    public TabularEmbedding(int vocabularySize, int columns, IReadOnlyCollection<int> valueIds, TransformerOptions options)
        : base(nameof(TabularEmbedding))
    {
        int d = options.ModelDim;
        kind = options.NumericEmbedding;
        Columns = columns;
        ModelDim = d;
        ids = nn.Embedding(vocabularySize, d);
        using (torch.no_grad()) ids.weight!.mul_(0.5);
        var carries = new float[vocabularySize];
        foreach (int id in valueIds) carries[id] = 1f;
        carriesValue = torch.tensor(carries);
        if (kind == NumericEmbedding.Linear)
        {
            direction = nn.Parameter(torch.randn(columns, d) * (4.0 / Math.Sqrt(d)));
        }
        else
        {
            int f = options.PeriodicFrequencies;
            frequencies = nn.Parameter(torch.randn(columns, f) * options.PeriodicScale);
            weight = nn.Parameter(torch.randn(columns, 2 * f, d) * (1.0 / Math.Sqrt(2 * f)));
            bias = nn.Parameter(torch.zeros(columns, d));
        }
        RegisterComponents();
        register_buffer("carries_value", carriesValue, persistent: false);
    }

    /// <summary>Column tokens per row.</summary>
    public int Columns { get; }

    /// <summary>Width of each column's embedding.</summary>
    public int ModelDim { get; }

    /// <summary>The embedding for a featurizer's token layout (its numeric columns' "present" ids carry values).</summary>
    public static TabularEmbedding For(DecoReg.Inputs.TabularFeaturizer featurizer, TransformerOptions options)
    {
        var valueIds = Enumerable.Range(0, featurizer.ColumnCount)
            .Where(c => featurizer.Schema.Columns[c].Kind == DecoReg.Inputs.ColumnKind.Numeric)
            .Select(featurizer.PresentId).ToArray();
        return new TabularEmbedding(featurizer.VocabularySize, featurizer.ColumnCount, valueIds, options);
    }

    public override long FlatWidth => (long)Columns * ModelDim;

    public override Tensor Flat(InputBatch input)
    {
        using var embedded = call(input);
        return embedded.flatten(1);
    }

    public override Tensor forward(InputBatch input)
    {
        using var scope = torch.NewDisposeScope();
        var e = ids.call(input.Tokens);
        var mask = carriesValue.index_select(0, input.Tokens.reshape(-1)).view(input.Tokens.shape).unsqueeze(-1);
        var v = input.Values.unsqueeze(-1);                      // [B, C, 1]
        Tensor numeric;
        if (kind == NumericEmbedding.Linear) numeric = v * direction!;
        else
        {
            var angle = (v * frequencies!).Times(2 * Math.PI);          // [B, C, F]
            var periodic = torch.cat(new[] { angle.sin(), angle.cos() }, -1); // [B, C, 2F]
            numeric = nn.functional.relu(torch.einsum("bck,ckd->bcd", periodic, weight!).Plus(bias!));
        }
        return e.Plus(numeric * mask).MoveToOuterDisposeScope();
    }
}
