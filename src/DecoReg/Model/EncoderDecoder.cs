using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DecoReg.Model;

/// <summary>
/// The decoding regressor's network: an encoder over the input's tokens and a causal decoder over number tokens
/// that cross-attends to the encoder's states (both pre-LayerNorm). The decoder's input vocabulary is the codec's
/// tokens plus a begin token; its output is logits over the codec's tokens. The grammar mask is applied by callers
/// (training and decoding) from precomputed tables. Parameters are created in the order encoder (embedding, layers,
/// norm), then decoder parts, so a seed gives the same initialization as before the encoder became a module.
/// </summary>
public sealed class EncoderDecoder : nn.Module
{
    private readonly Backbone encoder;
    private readonly Embedding tokenEmbedding;
    private readonly Parameter positionEmbedding;
    private readonly ModuleList<DecoderLayer> decoder;
    private readonly LayerNorm decoderNorm;
    private readonly Linear head;

    public EncoderDecoder(InputEmbedding inputEmbedding, TransformerOptions options, int numberVocabulary, int numberLength)
        : base(nameof(EncoderDecoder))
    {
        options.Validate();
        options = options.Resolve(inputEmbedding is TabularEmbedding);
        Options = options;
        NumberVocabulary = numberVocabulary;
        NumberLength = numberLength;
        encoder = Backbone.Create(inputEmbedding, options);
        tokenEmbedding = nn.Embedding(numberVocabulary + 1, options.ModelDim);
        positionEmbedding = nn.Parameter(torch.randn(numberLength, options.ModelDim) * 0.1);
        decoder = nn.ModuleList(Enumerable.Range(0, options.DecoderLayers).Select(_ => new DecoderLayer(options)).ToArray());
        decoderNorm = nn.LayerNorm(options.ModelDim);
        head = nn.Linear(options.ModelDim, numberVocabulary);
        RegisterComponents();
    }

    /// <summary>The sizes the network was built with (resolved by <see cref="TransformerOptions.Resolve"/>: no by-backbone choice left).</summary>
    public TransformerOptions Options { get; }
    public int NumberVocabulary { get; }
    public int NumberLength { get; }

    /// <summary>Members of the efficient ensemble (<see cref="TransformerOptions.Members"/>; 1 = a plain network).</summary>
    public int Members => Options.Members;

    /// <summary>
    /// Calibration temperature dividing the output logits (1 = none). Fitted on validation data after training and
    /// stored with the model, so decoding and likelihoods use the calibrated distribution.
    /// </summary>
    public double Temperature { get; set; } = 1.0;

    /// <summary>The decoder input token that starts every number.</summary>
    public long BeginToken => NumberVocabulary;

    /// <summary>
    /// The mean of the encoder states over real tokens, [batch, d]: the row's representation (see <see cref="Backbone.Pool"/>),
    /// averaged over the members of an efficient ensemble.
    /// </summary>
    public Tensor Pool(InputBatch input)
    {
        if (Members == 1 || input.Members is not null) return encoder.Pool(input);
        using var scope = torch.NewDisposeScope();
        var pooled = encoder.Pool(MemberBatches.Expand(input, Members));
        return pooled.view(input.Count, Members, -1).mean([1]).MoveToOuterDisposeScope();
    }

    /// <summary>Encoder states [batch, length, d] and the padding mask (see <see cref="Backbone.Encode"/>).</summary>
    public Tensor Encode(InputBatch input, out Tensor? memoryMask) => encoder.Encode(input, out memoryMask);

    /// <summary>
    /// Teacher-forced logits [batch, length, vocabulary] for complete target sequences [batch, length]: position i
    /// predicts token i from the begin token and tokens 0..i-1. Unmasked; callers add the grammar mask.
    /// </summary>
    public Tensor Forward(InputBatch input, Tensor targets)
    {
        using var scope = torch.NewDisposeScope();
        var memory = Encode(input, out var memoryMask);
        long batch = targets.shape[0], length = targets.shape[1];
        var begin = torch.full(batch, 1, BeginToken, ScalarType.Int64);
        var inputs = length > 1 ? torch.cat(new[] { begin, targets.narrow(1, 0, length - 1) }, 1) : begin;
        var x = tokenEmbedding.call(inputs).Plus(positionEmbedding.narrow(0, 0, length).unsqueeze(0));
        foreach (var layer in decoder)
        {
            var (k, v) = layer.CrossKeysValues(memory);
            x = layer.Forward(x, k, v, memoryMask);
        }
        return Output(x).MoveToOuterDisposeScope();
    }

    private Tensor Output(Tensor x)
    {
        var logits = head.call(decoderNorm.call(x));
        return Temperature == 1.0 ? logits : logits.Over(Temperature);
    }

    /// <summary>
    /// Starts incremental decoding: encodes the inputs and precomputes each decoder layer's cross-attention
    /// keys/values. Initially one live sequence per input row. Call within a dispose scope.
    /// </summary>
    public DecoderCache StartDecoding(InputBatch input)
    {
        var memory = Encode(input, out var memoryMask);
        var keys = new Tensor[decoder.Count];
        var values = new Tensor[decoder.Count];
        for (int l = 0; l < decoder.Count; l++) (keys[l], values[l]) = decoder[l].CrossKeysValues(memory);
        return new DecoderCache(keys, values, memoryMask, torch.arange(input.Count, ScalarType.Int64));
    }

    /// <summary>
    /// Feeds one token per live sequence (the begin token at step 0, use <see cref="BeginToken"/>) and returns the
    /// unmasked logits [live, vocabulary] for the next position. Call within a dispose scope.
    /// </summary>
    public Tensor Step(DecoderCache cache, Tensor tokens)
    {
        int position = cache.Steps;
        if (position >= NumberLength) throw new InvalidOperationException("sequence is already complete");
        var x = tokenEmbedding.call(tokens).Plus(positionEmbedding[position]).unsqueeze(1);
        var rows = cache.Rows;
        for (int l = 0; l < decoder.Count; l++)
        {
            var ck = cache.CrossKeys[l].index_select(0, rows);
            var cv = cache.CrossValues[l].index_select(0, rows);
            var mask = cache.MemoryMask?.index_select(0, rows);
            x = decoder[l].Step(x, ref cache.SelfKeys[l], ref cache.SelfValues[l], ck, cv, mask);
        }
        cache.Steps = position + 1;
        return Output(x).squeeze(1);
    }
}
