namespace DecoReg.Inputs;

/// <summary>
/// Turns feature rows into encoder tokens (<see cref="EncodedInputs"/>): the input side of the model, fitted on the
/// training rows and stored with the model. <see cref="TabularFeaturizer"/> (one token per column) is the first
/// implementation; a text encoder (token ids with padding) is a second one, with its embedding registered in
/// <c>Model.InputEmbeddings</c>.
/// </summary>
public interface IInputEncoder
{
    /// <summary>Encodes every row of <paramref name="features"/>; a user error names the row, column and value.</summary>
    EncodedInputs Encode(Table features);
}
