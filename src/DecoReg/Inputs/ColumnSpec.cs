namespace DecoReg.Inputs;

/// <summary>
/// What was learned about one feature column from the training data, stored in model files so prediction reads
/// columns exactly as training did. Numeric columns use <see cref="Mean"/> and <see cref="Std"/> (of the present values;
/// <see cref="Std"/> is 1 for a constant column so it is always &gt; 0); categorical columns use <see cref="Levels"/>
/// (most frequent first, ties by first appearance; rare levels beyond the cap are left out and read as "unseen").
/// </summary>
public sealed record ColumnSpec(string Name, ColumnKind Kind, double Mean, double Std, IReadOnlyList<string> Levels)
{
    /// <summary>A numeric column.</summary>
    public static ColumnSpec Numeric(string name, double mean, double std) =>
        new(name, ColumnKind.Numeric, mean, std, []);

    /// <summary>A categorical column with its levels in id order.</summary>
    public static ColumnSpec Categorical(string name, IReadOnlyList<string> levels) =>
        new(name, ColumnKind.Categorical, 0, 1, levels);

    /// <summary>A column read as text (tokenized into subwords by the model's text tokenizer).</summary>
    public static ColumnSpec Text(string name) => new(name, ColumnKind.Text, 0, 1, []);

    /// <summary>Value equality, comparing <see cref="Levels"/> element by element.</summary>
    public bool Equals(ColumnSpec? other) =>
        other is not null && Name == other.Name && Kind == other.Kind && Mean.Equals(other.Mean) &&
        Std.Equals(other.Std) && Levels.SequenceEqual(other.Levels);

    public override int GetHashCode() => HashCode.Combine(Name, Kind, Mean, Std, Levels.Count);
}
