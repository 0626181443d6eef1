using DecoReg.Model;
using DecoReg.Numbers;
using TorchSharp;
using static TorchSharp.torch;

namespace DecoReg.Tests.Model;

/// <summary>A small seeded, untrained network over a tabular input, for tests of decoding mechanics.</summary>
internal sealed class RandomNetwork : IDisposable
{
    public RandomNetwork(INumberCodec codec, int columns = 3, int seed = 7, int modelDim = 32)
    {
        Codec = codec;
        torch.manual_seed(seed);
        var transformer = new TransformerOptions { ModelDim = modelDim, Heads = 4, FeedForwardDim = 64, Dropout = 0.1, Backbone = BackboneKind.Transformer };
        Network = new EncoderDecoder(new TabularEmbedding(2 * columns, columns, Enumerable.Range(0, columns).Select(c => 2 * c).ToArray(), transformer),
            transformer, codec.VocabularySize, codec.Length);
        Network.eval();
        Grammar = new GrammarTensors(codec.Grammar);
        Columns = columns;
    }

    public INumberCodec Codec { get; }
    public EncoderDecoder Network { get; }
    public GrammarTensors Grammar { get; }
    public int Columns { get; }

    /// <summary>Random standardized numeric rows (token ids = "present" of each column).</summary>
    public InputBatch Inputs(int rows, int seed)
    {
        var rng = new Random(seed);
        var tokens = new long[rows * Columns];
        var values = new float[rows * Columns];
        for (int i = 0; i < tokens.Length; i++)
        {
            tokens[i] = (i % Columns) * 2;
            values[i] = (float)(rng.NextDouble() * 4 - 2);
        }
        var shape = new long[] { rows, Columns };
        return new InputBatch(torch.tensor(tokens, shape), torch.tensor(values, shape));
    }

    public void Dispose()
    {
        Network.Dispose();
        Grammar.Dispose();
    }
}
