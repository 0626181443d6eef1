using DecoReg.Model;
using static TorchSharp.torch;

namespace DecoReg.Inference;

/// <summary>Shared plumbing of the decoders: row chunks, and one cached decoding step's masked probabilities.</summary>
internal static class DecodingSteps
{
    /// <summary>
    /// Runs <paramref name="decodeChunk"/> on row chunks, each inside its own dispose scope, and returns the results in
    /// row order. Padded inputs (text) are chunked in order of length, so a chunk is padded only to its own longest row.
    /// </summary>
    public static List<SequenceDistribution> ByChunks(InputBatch inputs, int rowsPerChunk,
        Func<InputBatch, int, IEnumerable<SequenceDistribution>> decodeChunk)
    {
        int n = (int)inputs.Count;
        using var inference = torch.inference_mode();
        if (inputs.Lengths is not { } lengths)
        {
            var results = new List<SequenceDistribution>(n);
            for (long start = 0; start < n; start += rowsPerChunk)
            {
                using var scope = torch.NewDisposeScope();
                int rows = (int)Math.Min(rowsPerChunk, n - start);
                var chunk = start == 0 && rows == n ? inputs : inputs.Select(torch.arange(start, start + rows, ScalarType.Int64));
                results.AddRange(decodeChunk(chunk, rows));
            }
            return results;
        }
        var order = Enumerable.Range(0, n).OrderBy(r => lengths[r]).Select(r => (long)r).ToArray();
        var placed = new SequenceDistribution[n];
        for (int start = 0; start < n; start += rowsPerChunk)
        {
            using var scope = torch.NewDisposeScope();
            int rows = Math.Min(rowsPerChunk, n - start);
            var rowIds = order.AsSpan(start, rows).ToArray();
            int k = 0;
            foreach (var result in decodeChunk(inputs.Select(torch.tensor(rowIds)), rows)) placed[rowIds[k++]] = result;
        }
        return [.. placed];
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
