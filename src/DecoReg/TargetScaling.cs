namespace DecoReg;

/// <summary>
/// How targets are transformed before encoding. The normalized codec always ends with a min-max map into [0, 1]
/// (fitted on training targets with a margin); IEEE and P10 codecs write the (transformed) value directly.
/// </summary>
public enum TargetScaling
{
    /// <summary>Min-max for the normalized codec, none for IEEE/P10.</summary>
    Auto,
    /// <summary>Standardize (z-score) before encoding.</summary>
    Standardize,
    /// <summary>Signed-log warp z = sign(y)·ln(1 + |y|/s) for heavy-tailed targets.</summary>
    SignedLog,
}
