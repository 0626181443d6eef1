using DecoReg.Model;

namespace DecoReg.Inference;

/// <summary>
/// Draws S samples per input while evaluating each distinct prefix once: the S draws start at the root; at every
/// node its count is split among the children by drawing that many tokens from the node's next-token distribution
/// (one multinomial draw), and only children with a non-zero count are expanded. The joint law of the S sequences
/// is exactly that of S independent ancestral samples, but shared prefixes are computed once.
/// </summary>
public sealed class PrefixSharingSampler : IDecodingStrategy
{
    private readonly SamplingOptions options;

    public PrefixSharingSampler(SamplingOptions options)
    {
        options.Validate();
        this.options = options;
    }

    public string Name => $"prefix-sharing-{options.Samples}";

    public IReadOnlyList<SequenceDistribution> Decode(EncoderDecoder model, GrammarTensors grammar, InputBatch inputs)
    {
        model.eval();
        var rng = new Random(options.Seed);
        return DecodingSteps.ByChunks(inputs, 512, (chunk, rows) => DecodeChunk(model, grammar, chunk, rows, rng));
    }

    private IEnumerable<SequenceDistribution> DecodeChunk(EncoderDecoder model, GrammarTensors grammar, InputBatch chunk, int rows, Random rng)
    {
        int length = model.NumberLength, vocabulary = model.NumberVocabulary, s = options.Samples;
        var cache = model.StartDecoding(chunk);
        var live = LiveSequences.Start(rows, model.BeginToken);
        var count = Enumerable.Repeat(s, rows).ToArray();
        var split = new int[vocabulary];
        for (int t = 0; t < length; t++)
        {
            float[] probs = DecodingSteps.NextProbabilities(model, grammar, cache, live.LastTokens, live.States, options.Temperature);
            var parents = new List<long>();
            var tokens = new List<int>();
            var counts = new List<int>();
            for (int i = 0; i < live.Count; i++)
            {
                var p = probs.AsSpan(i * vocabulary, vocabulary);
                TokenDraw.Truncate(p, options.TopK, options.TopP);
                TokenDraw.Split(p, count[i], rng, split);
                for (int v = 0; v < vocabulary; v++)
                {
                    if (split[v] == 0) continue;
                    parents.Add(i);
                    tokens.Add(v);
                    counts.Add(split[v]);
                }
            }
            live = live.Expand(parents, tokens, grammar.Grammar);
            count = counts.ToArray();
            if (t + 1 < length) DecodingSteps.SelectLive(cache, parents.ToArray());
        }
        // Leaves are distinct complete sequences; their frequencies are count / S.
        foreach (var (_, first, end) in live.RowRanges(rows))
        {
            var probabilities = new double[end - first];
            for (int j = 0; j < probabilities.Length; j++) probabilities[j] = (double)count[first + j] / s;
            yield return live.ToDistribution(first, end, probabilities, 1.0);
        }
    }
}
