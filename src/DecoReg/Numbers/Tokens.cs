using System.Text;

namespace DecoReg.Numbers;

/// <summary>Readable rendering of token sequences, e.g. <c>[+] [-] [3] [1] [2] [3] [4]</c>, for logs and the CLI.</summary>
public static class Tokens
{
    /// <summary>Name of a digit token 0..35: "0".."9", then "a".."z".</summary>
    public static string DigitName(int digit) =>
        digit is >= 0 and < 10 ? ((char)('0' + digit)).ToString() : ((char)('a' + digit - 10)).ToString();

    /// <summary>Each token's name in brackets, separated by spaces.</summary>
    public static string Format(INumberCodec codec, ReadOnlySpan<int> tokens)
    {
        ArgumentNullException.ThrowIfNull(codec);
        return Format(codec.TokenName, codec.VocabularySize, tokens);
    }

    /// <summary>Each token's name in brackets; tokens outside the vocabulary show as their id with "?".</summary>
    public static string Format(Func<int, string> tokenName, int vocabularySize, ReadOnlySpan<int> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokenName);
        var sb = new StringBuilder();
        foreach (int t in tokens)
        {
            if (sb.Length > 0) sb.Append(' ');
            sb.Append('[').Append(t >= 0 && t < vocabularySize ? tokenName(t) : $"?{t}").Append(']');
        }
        return sb.ToString();
    }
}
