using DecoReg.Model;

namespace DecoReg.Inference;

/// <summary>
/// Enumerates the most probable complete sequences of each input with their exact model probabilities until a
/// target probability mass is covered or a per-input budget of sequences is reached. Level by level (all prefixes of
/// one length in one batched cached step), each level keeps its most probable prefixes until at most
/// (1 − mass) / length of the level's mass is dropped, so the leaves cover at least the target mass unless the
/// budget binds; the exact covered mass is reported. With mass 1 and a small codec (e.g. normalized, B^K ≤ budget)
/// the result is the complete distribution.
/// </summary>
public sealed class ExactEnumerator : IDecodingStrategy
{
    private readonly double mass;
    private readonly int maxSequences;

    public ExactEnumerator(double mass = 0.999, int maxSequences = 4096)
    {
        if (!(mass > 0 && mass <= 1)) throw new DecoRegException($"enumeration mass must be in (0, 1] (got {mass})");
        if (maxSequences < 1) throw new DecoRegException($"enumeration budget must be at least 1 sequence (got {maxSequences})");
        this.mass = mass;
        this.maxSequences = maxSequences;
    }

    public string Name => $"exact-{mass}";

    public IReadOnlyList<SequenceDistribution> Decode(EncoderDecoder model, GrammarTensors grammar, InputBatch inputs)
    {
        model.eval();
        return DecodingSteps.ByChunks(inputs, 256, (chunk, rows) => DecodeChunk(model, grammar, chunk, rows));
    }

    private IEnumerable<SequenceDistribution> DecodeChunk(EncoderDecoder model, GrammarTensors grammar, InputBatch chunk, int rows)
    {
        int length = model.NumberLength, vocabulary = model.NumberVocabulary;
        double dropPerLevel = (1 - mass) / length;
        var g = grammar.Grammar;
        var cache = model.StartDecoding(chunk);
        var live = LiveSequences.Start(rows, model.BeginToken);
        var logProb = new double[rows];
        var candidates = new List<(int Node, int Token, double LogProb)>();
        for (int t = 0; t < length; t++)
        {
            float[] logp = DecodingSteps.NextLogProbabilities(model, grammar, cache, live.LastTokens, live.States);
            var parents = new List<long>();
            var tokens = new List<int>();
            var childLogProb = new List<double>();
            foreach (var (_, first, end) in live.RowRanges(rows))
            {
                candidates.Clear();
                double total = 0;
                for (int node = first; node < end; node++)
                {
                    for (int v = 0; v < vocabulary; v++)
                    {
                        if (!g.IsAllowed((int)live.States[node], v)) continue;
                        double lp = logProb[node] + logp[node * vocabulary + v];
                        candidates.Add((node, v, lp));
                        total += Math.Exp(lp);
                    }
                }
                candidates.Sort((a, b) => b.LogProb.CompareTo(a.LogProb));
                double kept = 0;
                int firstChild = parents.Count;
                foreach (var c in candidates)
                {
                    if (kept > 0 && (kept >= total - dropPerLevel || parents.Count - firstChild >= maxSequences)) break;
                    parents.Add(c.Node);
                    tokens.Add(c.Token);
                    childLogProb.Add(c.LogProb);
                    kept += Math.Exp(c.LogProb);
                }
            }
            live = live.Expand(parents, tokens, g);
            logProb = childLogProb.ToArray();
            if (t + 1 < length) DecodingSteps.SelectLive(cache, parents.ToArray());
        }
        foreach (var (_, first, end) in live.RowRanges(rows))
        {
            var probabilities = new double[end - first];
            double covered = 0;
            for (int j = 0; j < probabilities.Length; j++) covered += probabilities[j] = Math.Exp(logProb[first + j]);
            // Float32 softmax sums can exceed 1 by ~1e-7 when (nearly) everything is enumerated.
            yield return live.ToDistribution(first, end, probabilities, Math.Min(covered, 1.0));
        }
    }
}
