using DecoReg.Model;
using TorchSharp;
using static TorchSharp.torch;

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
        var g = grammar.Grammar;
        var cache = model.StartDecoding(chunk);
        // Live nodes, grouped by row in row order.
        var row = Enumerable.Range(0, rows).ToArray();
        var count = Enumerable.Repeat(s, rows).ToArray();
        var tokens = Enumerable.Repeat(model.BeginToken, rows).ToArray();
        var states = new long[rows];
        var prefixes = new int[0];
        var split = new int[vocabulary];
        for (int t = 0; t < length; t++)
        {
            float[] probs = DecodingSteps.NextProbabilities(model, grammar, cache, tokens, states, options.Temperature);
            var parent = new List<long>();
            var childToken = new List<int>();
            var childCount = new List<int>();
            for (int i = 0; i < row.Length; i++)
            {
                var p = probs.AsSpan(i * vocabulary, vocabulary);
                TokenDraw.Truncate(p, options.TopK, options.TopP);
                TokenDraw.Split(p, count[i], rng, split);
                for (int v = 0; v < vocabulary; v++)
                {
                    if (split[v] == 0) continue;
                    parent.Add(i);
                    childToken.Add(v);
                    childCount.Add(split[v]);
                }
            }
            int live = parent.Count;
            var newPrefixes = new int[live * (t + 1)];
            var newRow = new int[live];
            var newStates = new long[live];
            var newTokens = new long[live];
            for (int c = 0; c < live; c++)
            {
                int i = (int)parent[c];
                Array.Copy(prefixes, i * t, newPrefixes, c * (t + 1), t);
                newPrefixes[c * (t + 1) + t] = childToken[c];
                newRow[c] = row[i];
                newStates[c] = g.Next((int)states[i], childToken[c]);
                newTokens[c] = childToken[c];
            }
            prefixes = newPrefixes;
            row = newRow;
            states = newStates;
            tokens = newTokens;
            count = childCount.ToArray();
            if (t + 1 < length) DecodingSteps.SelectLive(cache, parent.ToArray());
        }
        // Leaves are distinct complete sequences; group them by row.
        int leaf = 0;
        for (int r = 0; r < rows; r++)
        {
            int first = leaf;
            while (leaf < row.Length && row[leaf] == r) leaf++;
            var probabilities = new double[leaf - first];
            for (int j = 0; j < probabilities.Length; j++) probabilities[j] = (double)count[first + j] / s;
            yield return new SequenceDistribution(length, prefixes.AsSpan(first * length, (leaf - first) * length).ToArray(), probabilities, 1.0);
        }
    }
}
