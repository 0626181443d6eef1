namespace DecoReg.Numbers;

/// <summary>
/// Several target numbers written one after another (multi-objective regression), each with its own
/// <see cref="INumberCodec"/> over one shared token vocabulary, so one decoder with one output layer writes them all.
/// The grammar is the parts' grammars concatenated.
/// </summary>
public sealed class MultiObjectiveCodec
{
    private readonly INumberCodec[] parts;
    private readonly int[] offsets;

    /// <summary>Builds <paramref name="count"/> codecs from the same options.</summary>
    public MultiObjectiveCodec(CodecOptions options, int count)
        : this(Enumerable.Range(0, count > 0 ? count : throw new DecoRegException($"multi-objective codec: {count} objectives; expected 1 or more"))
            .Select(_ => (options ?? throw new ArgumentNullException(nameof(options))).Create()).ToArray())
    {
    }

    /// <summary>Combines codecs that share one vocabulary (same size and token names).</summary>
    public MultiObjectiveCodec(IReadOnlyList<INumberCodec> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0) throw new DecoRegException("multi-objective codec: no objectives; expected 1 or more");
        var first = parts[0];
        for (int p = 1; p < parts.Count; p++)
        {
            bool same = parts[p].VocabularySize == first.VocabularySize &&
                        Enumerable.Range(0, first.VocabularySize).All(t => parts[p].TokenName(t) == first.TokenName(t));
            if (!same) throw new DecoRegException($"multi-objective codec: objective {p} uses a different token vocabulary than objective 0; use the same codec options for every objective");
        }
        this.parts = [.. parts];
        offsets = new int[this.parts.Length + 1];
        for (int p = 0; p < this.parts.Length; p++) offsets[p + 1] = offsets[p] + this.parts[p].Length;
        Grammar = Grammar.Concat(this.parts.Select(c => c.Grammar).ToArray());
    }

    public IReadOnlyList<INumberCodec> Parts => this.parts;
    public int Count => this.parts.Length;
    public int VocabularySize => this.parts[0].VocabularySize;

    /// <summary>Total number of tokens: the sum of the parts' lengths.</summary>
    public int Length => offsets[^1];

    public Grammar Grammar { get; }

    /// <summary>Position of the first token of objective <paramref name="index"/>.</summary>
    public int Offset(int index) => offsets[index];

    public string TokenName(int token) => this.parts[0].TokenName(token);

    /// <summary>Encodes one value per objective; the status of each value is reported separately.</summary>
    public EncodedTargets Encode(ReadOnlySpan<double> values)
    {
        if (values.Length != Count)
            throw new DecoRegException($"multi-objective codec: got {values.Length} target values; expected {Count}");
        var tokens = new int[Length];
        var status = new EncodeStatus[Count];
        for (int p = 0; p < Count; p++)
        {
            var e = this.parts[p].Encode(values[p]);
            e.Tokens.CopyTo(tokens, offsets[p]);
            status[p] = e.Status;
        }
        return new EncodedTargets(tokens, status);
    }

    public double[] Decode(ReadOnlySpan<int> tokens)
    {
        CheckLength(tokens);
        var values = new double[Count];
        for (int p = 0; p < Count; p++) values[p] = this.parts[p].Decode(tokens.Slice(offsets[p], this.parts[p].Length));
        return values;
    }

    /// <summary>The bin of each objective's value.</summary>
    public NumberBin[] Bins(ReadOnlySpan<int> tokens)
    {
        CheckLength(tokens);
        var bins = new NumberBin[Count];
        for (int p = 0; p < Count; p++) bins[p] = this.parts[p].Bin(tokens.Slice(offsets[p], this.parts[p].Length));
        return bins;
    }

    private void CheckLength(ReadOnlySpan<int> tokens)
    {
        if (tokens.Length != Length) throw new ArgumentException($"expected {Length} tokens, got {tokens.Length}");
    }
}

/// <summary>Encoded multi-objective targets: all tokens concatenated and each value's encode status.</summary>
public readonly record struct EncodedTargets(int[] Tokens, EncodeStatus[] Status);
