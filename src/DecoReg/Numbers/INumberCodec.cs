namespace DecoReg.Numbers;

/// <summary>
/// Writes one number as a fixed-length sequence of tokens and reads it back. The codec's <see cref="Grammar"/>
/// states which tokens may follow any valid prefix; every grammar-valid sequence decodes without error.
/// Values live in the codec's own domain (after target scaling).
/// </summary>
public interface INumberCodec
{
    /// <summary>The serializable options this codec was built from (stored in model files).</summary>
    CodecOptions Options { get; }

    /// <summary>Number of distinct tokens; tokens are 0..VocabularySize-1.</summary>
    int VocabularySize { get; }

    /// <summary>Number of tokens of every encoded value.</summary>
    int Length { get; }

    /// <summary>The allowed-next-token automaton, precomputed as tables.</summary>
    Grammar Grammar { get; }

    /// <summary>Human-readable name of a token, e.g. "+", "7", "E-2", "NaN".</summary>
    string TokenName(int token);

    /// <summary>Encodes a value; throws <see cref="DecoRegException"/> naming the value if it cannot be written.</summary>
    EncodedNumber Encode(double value);

    /// <summary>Decodes a grammar-valid sequence to the value it stands for (bin centre / representable value).</summary>
    double Decode(ReadOnlySpan<int> tokens);

    /// <summary>
    /// The interval of real values that encode to this sequence, [Low, High) (degenerate for special values). Used
    /// to turn a sequence probability into a density: p / (High - Low).
    /// </summary>
    NumberBin Bin(ReadOnlySpan<int> tokens);

    /// <summary>Facts of the built codec that its options leave implicit, for display (e.g. the IEEE codec's resolved exponent range); empty when none.</summary>
    string Details => "";

    /// <summary>Value and bin of one sequence; codecs whose parsing is not trivial read the tokens once.</summary>
    (double Value, NumberBin Bin) Read(ReadOnlySpan<int> tokens) => (Decode(tokens), Bin(tokens));
}

/// <summary>What happened when a value was encoded.</summary>
public enum EncodeStatus
{
    /// <summary>Written exactly or rounded to the nearest representable value.</summary>
    Ok,
    /// <summary>Larger in magnitude than the largest representable value: clamped to it.</summary>
    Overflow,
    /// <summary>Smaller in magnitude than the smallest representable non-zero value: written as zero.</summary>
    Underflow,
}

/// <summary>An encoded value: its tokens and whether it had to be clamped.</summary>
public readonly record struct EncodedNumber(int[] Tokens, EncodeStatus Status);

/// <summary>The interval [Low, High) of values that share one token sequence, in the codec's domain.</summary>
public readonly record struct NumberBin(double Low, double High)
{
    public double Width => High - Low;
}
