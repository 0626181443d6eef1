using System.Globalization;

namespace DecoReg.Data;

/// <summary>
/// The one rule for reading a number from a cell, shared by target parsing, schema inference and featurizing:
/// culture-invariant ('.' decimal point, no thousands separators), optional sign, exponent and surrounding
/// whitespace; the result must be finite ("Infinity" / "1e999" are not numbers here).
/// </summary>
public static class NumberText
{
    /// <summary>Parses a finite double; false for anything else.</summary>
    public static bool TryParse(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
