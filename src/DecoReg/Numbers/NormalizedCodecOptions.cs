namespace DecoReg.Numbers;

/// <summary>Options of <see cref="NormalizedCodec"/>: base B and number of digits K.</summary>
public sealed record NormalizedCodecOptions(int Base = 10, int Digits = 2) : CodecOptions
{
    public override INumberCodec Create() => new NormalizedCodec(this);
}
