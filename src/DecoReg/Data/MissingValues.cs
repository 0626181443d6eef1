namespace DecoReg.Data;

/// <summary>
/// The one policy for which raw text counts as a missing value, applied by every reader so that a
/// <see cref="Table"/> cell is either real text or <c>null</c>. Missing: an empty or whitespace-only field,
/// or exactly (case-sensitive) <c>NA</c> (R), <c>NaN</c> or <c>nan</c> (pandas / numpy), or a JSON <c>null</c>.
/// Anything else, including <c>"N/A"</c>, <c>"null"</c> or <c>"Inf"</c>, is kept as text (a non-finite
/// number makes a column categorical, see <c>ColumnSchema.Infer</c>).
/// </summary>
public static class MissingValues
{
    /// <summary>The literal tokens (besides empty / whitespace-only text) read as missing.</summary>
    public static IReadOnlyList<string> Tokens { get; } = ["NA", "NaN", "nan"];

    /// <summary>True if <paramref name="raw"/> stands for a missing value under this policy.</summary>
    public static bool IsMissing(string? raw)
    {
        if (raw is null || string.IsNullOrWhiteSpace(raw)) return true;
        return raw.Length <= 3 && (raw == "NA" || raw == "NaN" || raw == "nan");
    }

    /// <summary>Returns <c>null</c> for a missing value, else the text unchanged.</summary>
    public static string? Normalize(string? raw) => IsMissing(raw) ? null : raw;
}
