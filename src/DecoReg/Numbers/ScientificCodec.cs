namespace DecoReg.Numbers;

/// <summary>
/// What the sign–mantissa–exponent codecs (<see cref="IeeeCodec"/>, <see cref="P10Codec"/>) share: a
/// <see cref="ScientificFormat"/> for rounding, values and bins, the optional special tokens, and one decode path
/// (grammar check, special token, else the codec's own digit layout) behind <see cref="Decode"/>, <see cref="Bin"/>
/// and <see cref="Read"/>. A codec only says how its digits are laid out.
/// </summary>
public abstract class ScientificCodec : INumberCodec
{
    private readonly string name;

    protected ScientificCodec(CodecOptions options, string name)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        this.name = name;
    }

    public CodecOptions Options { get; }
    public int VocabularySize { get; protected set; }
    public int Length { get; protected set; }
    public Grammar Grammar { get; protected set; } = null!;

    /// <summary>Token of "NaN" (followed by "+Inf", "-Inf", "PAD"), or -1 without special tokens.</summary>
    public abstract int FirstSpecial { get; }

    /// <inheritdoc/>
    public virtual string Details => "";

    /// <summary>Whether the codec has the special tokens.</summary>
    protected abstract bool Specials { get; }

    /// <summary>Rounding, values and bins of the representable numbers; set by the codec's constructor.</summary>
    private protected ScientificFormat Format { get; set; } = null!;

    public abstract string TokenName(int token);

    public EncodedNumber Encode(double value)
    {
        var tokens = new int[Length];
        if (SpecialTokens.TryEncode(value, Specials, this.name, FirstSpecial, tokens)) return new EncodedNumber(tokens, EncodeStatus.Ok);
        var r = Format.Round(value);
        WriteNumber(r, tokens);
        return new EncodedNumber(tokens, r.Status);
    }

    public double Decode(ReadOnlySpan<int> tokens) => Format.Value(Parse(tokens));

    public NumberBin Bin(ReadOnlySpan<int> tokens) => Format.Bin(Parse(tokens));

    public (double Value, NumberBin Bin) Read(ReadOnlySpan<int> tokens)
    {
        var parsed = Parse(tokens);
        return (Format.Value(parsed), Format.Bin(parsed));
    }

    /// <summary>Writes a rounded finite number in the codec's layout (all <see cref="Length"/> tokens).</summary>
    private protected abstract void WriteNumber(ScientificFormat.Rounded rounded, Span<int> tokens);

    /// <summary>Reads the number of a grammar-valid sequence that is not a special token.</summary>
    private protected abstract ScientificFormat.Parsed ParseNumber(ReadOnlySpan<int> tokens);

    private ScientificFormat.Parsed Parse(ReadOnlySpan<int> tokens)
    {
        if (!Grammar.IsValid(tokens))
            throw new ArgumentException($"not a valid {this.name} token sequence: {Tokens.Format(this, tokens)}");
        if (Specials && tokens[0] >= FirstSpecial) return new(tokens[0] - FirstSpecial, false, 0, 0);
        return ParseNumber(tokens);
    }
}
