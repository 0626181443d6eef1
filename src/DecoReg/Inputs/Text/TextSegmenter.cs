namespace DecoReg.Inputs.Text;

/// <summary>
/// Pre-tokenization of the subword tokenizer: cuts text into pieces and merges never cross a piece boundary. Rules,
/// at each position:
/// <list type="bullet">
/// <item>an ASCII digit is a piece of its own (numbers are read digit by digit);</item>
/// <item><c>\n</c>, <c>\r</c> and <c>:</c> are pieces of their own (the <c>key: value</c> line structure);</item>
/// <item>a run of letters (with combining marks) is a piece, and so is a run of other characters (punctuation,
/// symbols, emoji, control characters, non-ASCII digits); one space right before such a run joins it, as in GPT-2
/// (<c>" word"</c>, <c>" (&gt;="</c>);</item>
/// <item>other whitespace runs are pieces (without the last space when it joins the next word).</item>
/// </list>
/// A piece is at most <see cref="MaxPieceChars"/> characters (a surrogate pair is never split), so a 1 MB word costs
/// linear time.
/// </summary>
internal static class TextSegmenter
{
    /// <summary>Longest piece, in UTF-16 characters.</summary>
    public const int MaxPieceChars = 48;

    private enum CharClass { Digit, Single, Space, Letter, Other }

    /// <summary>The end (exclusive) of the piece that starts at <paramref name="start"/> (&lt; text.Length).</summary>
    public static int PieceEnd(ReadOnlySpan<char> text, int start)
    {
        var kind = Classify(text[start]);
        if (kind is CharClass.Digit or CharClass.Single) return start + 1;
        int end;
        if (kind == CharClass.Space)
        {
            if (text[start] == ' ' && start + 1 < text.Length && IsWordClass(Classify(text[start + 1])))
                return RunEnd(text, start + 1, Classify(text[start + 1]), start);
            end = start + 1;
            while (end < text.Length && end - start < MaxPieceChars && Classify(text[end]) == CharClass.Space) end++;
            bool wordFollows = end < text.Length && IsWordClass(Classify(text[end]));
            if (wordFollows && text[end - 1] == ' ' && end - 1 > start) end--;
            return end;
        }
        return RunEnd(text, start, kind, start);
    }

    private static int RunEnd(ReadOnlySpan<char> text, int runStart, CharClass kind, int pieceStart)
    {
        int end = runStart + 1;
        while (end < text.Length && end - pieceStart < MaxPieceChars && Classify(text[end]) == kind) end++;
        if (end < text.Length && end - pieceStart >= MaxPieceChars && char.IsHighSurrogate(text[end - 1]) && end - 1 > pieceStart)
            end--;
        return end;
    }

    private static bool IsWordClass(CharClass c) => c is CharClass.Letter or CharClass.Other;

    private static CharClass Classify(char c)
    {
        if (c < 128)
        {
            if (c is >= '0' and <= '9') return CharClass.Digit;
            if (c is '\n' or '\r' or ':') return CharClass.Single;
            if (c is ' ' or '\t' or '\v' or '\f') return CharClass.Space;
            return char.IsAsciiLetter(c) ? CharClass.Letter : CharClass.Other;
        }
        if (char.IsWhiteSpace(c)) return CharClass.Space;
        if (char.IsLetter(c)) return CharClass.Letter;
        return char.GetUnicodeCategory(c) switch
        {
            System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark
                or System.Globalization.UnicodeCategory.EnclosingMark => CharClass.Letter,
            _ => CharClass.Other,
        };
    }
}
