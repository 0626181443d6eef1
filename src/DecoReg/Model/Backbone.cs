using static TorchSharp.torch;

namespace DecoReg.Model;

/// <summary>
/// What reads the inputs for the decoder: encoded rows in, memory states [batch, length, d] (and their mask) out. Two
/// kinds (<see cref="BackboneKind"/>): the column-token transformer <see cref="Encoder"/>, which reads tables and text,
/// and the <see cref="MlpBackbone"/>, which reads table rows and a text's n-gram bag. The decoder cross-attends to whatever states it gets.
/// </summary>
public abstract class Backbone : nn.Module
{
    protected Backbone(string name, TransformerOptions options) : base(name) => Options = options;

    /// <summary>
    /// The backbone <paramref name="options"/> ask for over <paramref name="embedding"/>, with the options' members;
    /// the options are resolved (<see cref="TransformerOptions.Resolve"/>, as <see cref="EncoderDecoder"/> does).
    /// </summary>
    public static Backbone Create(InputEmbedding embedding, TransformerOptions options) => options.Backbone switch
    {
        BackboneKind.Transformer => new Encoder(embedding, options, options.Members),
        BackboneKind.Mlp => new MlpBackbone(embedding, options, options.Members),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Backbone, "resolve the options first (TransformerOptions.Resolve)"),
    };

    public TransformerOptions Options { get; }

    /// <summary>
    /// Memory states [batch, length, d] for the decoder; <paramref name="memoryMask"/> is [batch, 1, 1, length]
    /// (true = real) or null when every position is real.
    /// </summary>
    public abstract Tensor Encode(InputBatch input, out Tensor? memoryMask);

    /// <summary>Mean of the memory states over the real positions: [batch, d], the row's representation.</summary>
    public Tensor Pool(InputBatch input)
    {
        using var scope = torch.NewDisposeScope();
        var states = Encode(input, out var mask);
        if (mask is null) return states.mean([1]).MoveToOuterDisposeScope();
        var real = mask.squeeze(1).squeeze(1).unsqueeze(-1).to_type(states.dtype);
        return ((states * real).sum(1) / real.sum(1).clamp_min(TorchScalars.One)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Each member's scale vectors for an efficient ensemble (random signs, as TabM initializes them), [members, width];
    /// null for one member.
    /// </summary>
    protected static TorchSharp.Modules.Parameter? MemberScales(int members, long width) =>
        members > 1 ? nn.Parameter(torch.randint(0, 2, [members, width]).to_type(ScalarType.Float32) * 2 - 1) : null;

    /// <summary>
    /// <paramref name="embed"/> of every distinct row once, repeated to the batch's rows: in a batch expanded to members
    /// (<see cref="InputBatch.SourceRows"/>) each row appears once per member with the same inputs, and only the member
    /// scales that follow differ, so embedding it k times is k − 1 times wasted (gradients add up over the copies).
    /// </summary>
    protected static Tensor OncePerRow(InputBatch input, Func<InputBatch, Tensor> embed)
    {
        if (input.SourceRows is not { } sources) return embed(input);
        var slot = new Dictionary<int, int>();
        var first = new List<long>();
        var repeat = new long[sources.Length];
        for (int i = 0; i < sources.Length; i++)
        {
            if (!slot.TryGetValue(sources[i], out int j))
            {
                j = first.Count;
                slot.Add(sources[i], j);
                first.Add(i);   // the row that stands for its source
            }
            repeat[i] = j;
        }
        if (first.Count == sources.Length) return embed(input);
        using var scope = torch.NewDisposeScope();
        using var distinct = input.Select(torch.tensor(first.ToArray()));
        return embed(distinct).index_select(0, torch.tensor(repeat)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Scales each row of <paramref name="x"/> ([rows, …, width]) by its member's vector; a batch must name members
    /// exactly when the network has them (an unexpanded batch would silently read an untrained, unscaled path).
    /// </summary>
    protected static Tensor ScaleByMember(Tensor x, InputBatch input, Tensor? scales)
    {
        if (input.Members is not { } members)
            return scales is null ? x : throw new ArgumentException(
                $"a network of {scales.shape[0]} members reads batches expanded to its members (MemberBatches.Expand)", nameof(input));
        if (scales is null) throw new ArgumentException("the batch names members but the network has none", nameof(input));
        var s = scales.index_select(0, members);
        for (long d = s.dim(); d < x.dim(); d++) s = s.unsqueeze(1);
        return x * s;
    }
}

/// <summary>Which <see cref="Backbone"/> a network reads its inputs with.</summary>
public enum BackboneKind
{
    /// <summary>The MLP for table rows, the transformer when some input is text (<see cref="TransformerOptions.Resolve"/>).</summary>
    Auto,
    /// <summary>One token per table column (or text piece), pre-LayerNorm transformer layers: tables and text.</summary>
    Transformer,
    /// <summary>
    /// The embedded columns flattened into an MLP whose last layer becomes a few memory tokens (TabM's backbone,
    /// Gorishniy et al. 2025): cheaper per row than attention over columns; text only through its n-gram bag.
    /// </summary>
    Mlp,
}
