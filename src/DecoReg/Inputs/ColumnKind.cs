using System.Text.Json.Serialization;

namespace DecoReg.Inputs;

/// <summary>How a feature column is read: as a number (standardized value + present/missing token), as a category
/// (one token per level) or as free text (tokenized into subwords; see <see cref="TextColumnRule"/> for when a string
/// column counts as text). Serialized by name in model files; existing members keep their order and values.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ColumnKind>))]
public enum ColumnKind
{
    Numeric,
    Categorical,
    Text,
}
