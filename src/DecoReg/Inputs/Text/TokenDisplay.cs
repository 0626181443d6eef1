using System.Text;

namespace DecoReg.Inputs.Text;

/// <summary>
/// Readable form of a token's bytes: the text itself when it is valid UTF-8, with control characters escaped
/// (<c>\n</c>, <c>\t</c>, <c>\r</c>, <c>\u0001</c>); otherwise each byte that is not printable ASCII as <c>&lt;0xNN&gt;</c>.
/// </summary>
internal static class TokenDisplay
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Of(ReadOnlySpan<byte> bytes)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            var sb = new StringBuilder();
            foreach (byte b in bytes)
                if (b is >= 0x20 and < 0x7F) sb.Append((char)b);
                else sb.Append($"<0x{b:X2}>");
            return sb.ToString();
        }
        return Escape(text);
    }

    /// <summary>The text with control characters written as escapes.</summary>
    public static string Escape(string text)
    {
        if (!text.Any(char.IsControl)) return text;
        var sb = new StringBuilder(text.Length + 8);
        foreach (char c in text)
            sb.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        return sb.ToString();
    }
}
