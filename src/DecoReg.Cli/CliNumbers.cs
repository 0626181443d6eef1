using System.Globalization;

namespace DecoReg.Cli;

/// <summary>Culture-invariant number parsing for command-line values (also nan, inf, -inf).</summary>
public static class CliNumbers
{
    public static double Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string t = text.Trim();
        switch (t.ToLowerInvariant())
        {
            case "nan": return double.NaN;
            case "inf" or "+inf" or "infinity" or "+infinity": return double.PositiveInfinity;
            case "-inf" or "-infinity": return double.NegativeInfinity;
        }
        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)) return v;
        throw new DecoRegException($"value '{text}' is not a number; expected e.g. 123.4, -0.5, 1e-3, nan or inf");
    }

    /// <summary>Shortest round-trip text of a double, culture-invariant.</summary>
    public static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
