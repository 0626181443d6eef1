using DecoReg.Model;
using static TorchSharp.torch;

namespace DecoReg.Inference;

/// <summary>Shared plumbing of the decoders: row chunks, and one cached decoding step's masked probabilities.</summary>
internal static class DecodingSteps
{
    /// <summary>Runs <paramref name="decodeChunk"/> on consecutive row ranges, each inside its own dispose scope.</summary>
    public static List<SequenceDistribution> ByChunks(InputBatch inputs, int rowsPerChunk,
        Func<InputBatch, int, IEnumerable<SequenceDistribution>> decodeChunk)
    {
        var results = new List<SequenceDistribution>((int)inputs.Count);
        using var inference = torch.inference_mode();
        for (long start = 0; start < inputs.Count; start += rowsPerChunk)
        {
            using var scope = torch.NewDisposeScope();
            int rows = (int)Math.Min(rowsPerChunk, inputs.Count - start);
            var chunk = start == 0 && rows == inputs.Count ? inputs : inputs.Select(torch.arange(start, start + rows, ScalarType.Int64));
            results.AddRange(decodeChunk(chunk, rows));
        }
        return results;
    }

    /// <summary>
    /// Feeds <paramref name="tokens"/> (one per live sequence) and returns the grammar-masked next-token
    /// probabilities, [live × vocabulary], as a managed array.
    /// </summary>
    public static float[] NextProbabilities(EncoderDecoder model, GrammarTensors grammar, DecoderCache cache,
        long[] tokens, long[] states, double temperature = 1.0)
    {
        using var scope = torch.NewDisposeScope();
        var logits = model.Step(cache, torch.tensor(tokens));
        // Keep the new cache entries alive beyond this scope.
        KeepCache(cache);
        var probs = grammar.MaskedLogProbs(logits, torch.tensor(states), temperature).exp_();
        return probs.data<float>().ToArray();
    }

    /// <summary>Same as <see cref="NextProbabilities"/> but returns log-probabilities (exact enumeration).</summary>
    public static float[] NextLogProbabilities(EncoderDecoder model, GrammarTensors grammar, DecoderCache cache,
        long[] tokens, long[] states)
    {
        using var scope = torch.NewDisposeScope();
        var logits = model.Step(cache, torch.tensor(tokens));
        KeepCache(cache);
        return grammar.MaskedLogProbs(logits, torch.tensor(states)).data<float>().ToArray();
    }

    /// <summary>Moves the cache's self-attention tensors to the enclosing (chunk) scope.</summary>
    private static void KeepCache(DecoderCache cache)
    {
        for (int l = 0; l < cache.SelfKeys.Length; l++)
        {
            cache.SelfKeys[l]?.MoveToOuterDisposeScope();
            cache.SelfValues[l]?.MoveToOuterDisposeScope();
        }
    }

    /// <summary>Reorders the cache to the given live sequences, keeping the new tensors in the chunk scope.</summary>
    public static void SelectLive(DecoderCache cache, long[] index)
    {
        using var scope = torch.NewDisposeScope();
        cache.Select(torch.tensor(index));
        cache.Rows.MoveToOuterDisposeScope();
        KeepCache(cache);
    }
}
