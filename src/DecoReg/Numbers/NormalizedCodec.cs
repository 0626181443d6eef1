namespace DecoReg.Numbers;

/// <summary>
/// Normalized tokens (Song &amp; Bahri): a value y in [0, 1] is written as the K base-B digits of ⌊y·B^K⌋
/// (1.0 → all B−1). Decodes to the centre of its bin, so the decoding error is at most half a bin width.
/// Every digit sequence is valid. Targets are brought into [0, 1] by a min-max scaler.
/// </summary>
public sealed class NormalizedCodec : INumberCodec
{
    private readonly long bins;

    public NormalizedCodec(NormalizedCodecOptions options)
    {
        if (options.Base < 2 || options.Base > 36)
            throw new DecoRegException($"normalized codec: base {options.Base} is out of range; expected 2..36");
        if (options.Digits < 1 || Math.Pow(options.Base, options.Digits) > 1e15)
            throw new DecoRegException($"normalized codec: {options.Digits} digits in base {options.Base} is out of range; expected 1 digit or more and base^digits ≤ 1e15");
        Options = options;
        bins = (long)Math.Round(Math.Pow(options.Base, options.Digits));
        int b = options.Base, k = options.Digits;
        // States: one per depth (every digit allowed at every position).
        var next = new int[(k + 1) * b];
        Array.Fill(next, -1);
        for (int depth = 0; depth < k; depth++)
            for (int t = 0; t < b; t++) next[depth * b + t] = depth + 1;
        Grammar = new Grammar(b, next);
    }

    public NormalizedCodecOptions Typed => (NormalizedCodecOptions)Options;
    public CodecOptions Options { get; }
    public int VocabularySize => Typed.Base;
    public int Length => Typed.Digits;
    public Grammar Grammar { get; }

    /// <summary>Width of every bin: B^-K.</summary>
    public double BinWidth => 1.0 / bins;

    public string TokenName(int token) =>
        token is >= 0 and < 10 ? ((char)('0' + token)).ToString() : ((char)('a' + token - 10)).ToString();

    public EncodedNumber Encode(double value)
    {
        if (double.IsNaN(value) || value < 0 || value > 1)
            throw new DecoRegException($"normalized codec: value {value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} is outside [0, 1]; scale the target first");
        long index = Math.Min((long)Math.Floor(value * bins), bins - 1);
        // value * bins is rounded; correct against the same boundaries Bin reports so that Bin is exact.
        if (index > 0 && value < (double)index / bins) index--;
        else if (index < bins - 1 && value >= (double)(index + 1) / bins) index++;
        var tokens = new int[Length];
        for (int i = Length - 1; i >= 0; i--) { tokens[i] = (int)(index % Typed.Base); index /= Typed.Base; }
        return new EncodedNumber(tokens, EncodeStatus.Ok);
    }

    public double Decode(ReadOnlySpan<int> tokens) => (Index(tokens) + 0.5) / bins;

    /// <summary>[i·B^−K, (i+1)·B^−K); the last bin also holds 1.0 itself.</summary>
    public NumberBin Bin(ReadOnlySpan<int> tokens)
    {
        long i = Index(tokens);
        return new NumberBin((double)i / bins, (double)(i + 1) / bins);
    }

    private long Index(ReadOnlySpan<int> tokens)
    {
        if (tokens.Length != Length) throw new ArgumentException($"expected {Length} tokens, got {tokens.Length}");
        long index = 0;
        foreach (int t in tokens)
        {
            if (t < 0 || t >= Typed.Base) throw new ArgumentException($"token {t} is not a base-{Typed.Base} digit");
            index = index * Typed.Base + t;
        }
        return index;
    }
}
