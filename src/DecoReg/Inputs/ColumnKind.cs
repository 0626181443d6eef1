using System.Text.Json.Serialization;

namespace DecoReg.Inputs;

/// <summary>How a feature column is read: as a number (standardized value + present/missing token) or as a category
/// (one token per level). Serialized by name in model files.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ColumnKind>))]
public enum ColumnKind
{
    Numeric,
    Categorical,
}
