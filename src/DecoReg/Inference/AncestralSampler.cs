using DecoReg.Model;
using static TorchSharp.torch;

namespace DecoReg.Inference;

/// <summary>
/// Draws S independent sequences per input, token by token inside the grammar. With the key/value cache (default)
/// the encoder runs once per input and each step feeds one token per sequence; without it every step re-runs the
/// whole model on the prefix — the reference implementation's algorithm, kept as a baseline for benchmarks and as
/// a correctness check of the cache.
/// </summary>
public sealed class AncestralSampler : IDecodingStrategy
{
    private readonly SamplingOptions options;
    private readonly bool useCache;

    public AncestralSampler(SamplingOptions options, bool useCache = true)
    {
        options.Validate();
        this.options = options;
        this.useCache = useCache;
    }

    public string Name => useCache ? $"sample-{options.Samples}" : $"sample-{options.Samples}-no-cache";

    public IReadOnlyList<SequenceDistribution> Decode(EncoderDecoder model, GrammarTensors grammar, InputBatch inputs)
    {
        model.eval();
        var rng = new Random(options.Seed);
        int s = options.Samples;
        int rowsPerChunk = Math.Max(1, 8192 / s);
        return DecodingSteps.ByChunks(inputs, rowsPerChunk, (chunk, rows) => DecodeChunk(model, grammar, chunk, rows, s, rng));
    }

    private IEnumerable<SequenceDistribution> DecodeChunk(EncoderDecoder model, GrammarTensors grammar, InputBatch chunk, int rows, int s, Random rng)
    {
        int length = model.NumberLength, vocabulary = model.NumberVocabulary, n = rows * s;
        var sampled = new int[n * length];
        var tokens = new long[n];
        var states = new long[n];
        Array.Fill(tokens, model.BeginToken);
        var expand = torch.arange(rows, ScalarType.Int64).repeat_interleave(s);
        DecoderCache? cache = null;
        InputBatch? expanded = null;
        if (useCache)
        {
            cache = model.StartDecoding(chunk);
            cache.Select(expand);
        }
        else expanded = chunk.Select(expand);

        var g = grammar.Grammar;
        for (int t = 0; t < length; t++)
        {
            float[] probs = cache is not null
                ? DecodingSteps.NextProbabilities(model, grammar, cache, tokens, states, options.Temperature)
                : FullRecomputeProbabilities(model, grammar, expanded!, sampled, t, states);
            for (int i = 0; i < n; i++)
            {
                var p = probs.AsSpan(i * vocabulary, vocabulary);
                TokenDraw.Truncate(p, options.TopK, options.TopP);
                int token = TokenDraw.Draw(p, rng);
                sampled[i * length + t] = token;
                tokens[i] = token;
                states[i] = g.Next((int)states[i], token);
            }
        }
        for (int r = 0; r < rows; r++)
            yield return SequenceDistribution.FromSamples(length, sampled.AsSpan(r * s * length, s * length));
    }

    /// <summary>Reference algorithm: re-run encoder and decoder on the whole prefix, read the last position.</summary>
    private float[] FullRecomputeProbabilities(EncoderDecoder model, GrammarTensors grammar, InputBatch inputs, int[] sampled, int t, long[] states)
    {
        using var scope = torch.NewDisposeScope();
        int n = (int)inputs.Count, length = model.NumberLength;
        var prefix = new long[n * (t + 1)];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < t; j++) prefix[i * (t + 1) + j] = sampled[i * length + j];
        var logits = model.Forward(inputs, torch.tensor(prefix, new long[] { n, t + 1 }));
        var last = logits.select(1, t);
        return grammar.MaskedLogProbs(last, torch.tensor(states), options.Temperature).exp_().data<float>().ToArray();
    }
}
