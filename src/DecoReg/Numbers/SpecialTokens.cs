namespace DecoReg.Numbers;

/// <summary>
/// The optional NaN / +Inf / −Inf tokens shared by the IEEE and P10 codecs: a special token takes the first
/// position and the rest of the fixed-length sequence is PAD, so a model can predict "missing" or "infinite"
/// targets without breaking the fixed sequence length.
/// </summary>
internal static class SpecialTokens
{
    /// <summary>Names of the four extra tokens, in vocabulary order after the codec's regular tokens.</summary>
    public static readonly string[] Names = ["NaN", "+Inf", "-Inf", "PAD"];

    /// <summary>Index 0..2 of the special token for a non-finite value (NaN, +Inf, −Inf).</summary>
    public static int IndexOf(double v) => double.IsNaN(v) ? 0 : v > 0 ? 1 : 2;

    public static double ValueOf(int index) => index switch { 0 => double.NaN, 1 => double.PositiveInfinity, _ => double.NegativeInfinity };

    public static DecoRegException NotEnabled(string codec, double v) =>
        new($"{codec} codec: cannot encode {Names[IndexOf(v)]}; enable special tokens (--specials) or remove the row");

    /// <summary>
    /// Adds edges start --special--> PAD chain --PAD--> ... --> final for a sequence of <paramref name="length"/>
    /// tokens; <paramref name="first"/> is the token id of "NaN" (then +Inf, −Inf, PAD).
    /// </summary>
    public static void AddPaths(GrammarBuilder g, int start, int final, int first, int length)
    {
        int pad = first + 3;
        int state = length == 1 ? final : g.NewState();
        for (int i = 0; i < 3; i++) g.Edge(start, first + i, state);
        for (int depth = 1; depth < length; depth++)
        {
            int next = depth == length - 1 ? final : g.NewState();
            g.Edge(state, pad, next);
            state = next;
        }
    }

    /// <summary>
    /// Writes a non-finite value as its special token followed by padding (the first special token + 3) and returns
    /// true; returns false for finite values; throws when the codec has no special tokens.
    /// </summary>
    public static bool TryEncode(double value, bool enabled, string codec, int firstSpecial, int[] tokens)
    {
        if (double.IsFinite(value)) return false;
        if (!enabled) throw NotEnabled(codec, value);
        tokens[0] = firstSpecial + IndexOf(value);
        tokens.AsSpan(1).Fill(firstSpecial + 3);
        return true;
    }
}
