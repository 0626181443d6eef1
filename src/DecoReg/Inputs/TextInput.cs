using DecoReg.Inputs.Text;

namespace DecoReg.Inputs;

/// <summary>
/// What a model learned about its text input, stored in the model file: the tokenizer (its whole vocabulary), the
/// token budget, the record format, which columns are text (null = the whole record is one text) and how many
/// training rows had to be cut to the budget.
/// </summary>
public sealed record TextInput(TextTokenizerSpec Tokenizer, int MaxTokens, RecordText.Format Format, IReadOnlyList<string>? TextColumns)
{
    /// <summary>Training rows whose text exceeded <see cref="MaxTokens"/> and was cut.</summary>
    public int TruncatedRows { get; init; }

    /// <summary>Mean text tokens per training row (after cutting).</summary>
    public double MeanTokens { get; init; }
}
