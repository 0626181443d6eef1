using DecoReg.Model;

namespace DecoReg.Inference;

/// <summary>
/// The rows as a network sees them: the mean of its encoder states over each row's real tokens, in batches without
/// gradients. Used where rows must be compared (diversity in active learning); distances in this space reflect
/// what the model learned to tell apart.
/// </summary>
public static class Representations
{
    public static float[][] Pooled(EncoderDecoder network, InputBatch inputs)
    {
        network.eval();
        using var inference = torch.inference_mode();
        var result = new float[inputs.Count][];
        Training.Batches.ForEach((int)inputs.Count, Training.Batches.EvaluationRows(inputs), (start, index) =>
        {
            using var batch = inputs.Select(index);
            var pooled = network.Pool(batch);
            int d = (int)pooled.shape[1];
            var flat = pooled.data<float>().ToArray();
            for (int r = 0; r < pooled.shape[0]; r++) result[start + r] = flat.AsSpan(r * d, d).ToArray();
        });
        return result;
    }
}
