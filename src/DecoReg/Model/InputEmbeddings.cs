using DecoReg.Inputs;

namespace DecoReg.Model;

/// <summary>
/// Builds the <see cref="InputEmbedding"/> that reads an <see cref="IInputEncoder"/>'s tokens: the one place where an
/// input encoder is matched with its embedding (one line per kind of input).
/// </summary>
public static class InputEmbeddings
{
    public static InputEmbedding For(IInputEncoder inputs, TransformerOptions options) => inputs switch
    {
        TabularFeaturizer table => TabularEmbedding.For(table, options),
        TextFeaturizer text => MixedEmbedding.For(text, options),
        _ => throw new ArgumentException($"no input embedding is registered for {inputs.GetType().Name}", nameof(inputs)),
    };
}
