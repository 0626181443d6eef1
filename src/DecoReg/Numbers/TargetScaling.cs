namespace DecoReg.Numbers;

/// <summary>
/// How targets are transformed before encoding. The normalized codec always ends with a min-max map into [0, 1]
/// (fitted on training targets with a margin); IEEE and P10 codecs write the (transformed) value directly. Choosing
/// between scalings on a hold-out is a training strategy (<c>RegressorOptions.SelectScaling</c>), not a scaling.
/// </summary>
public enum TargetScaling
{
    /// <summary>Min-max for the normalized codec, none for IEEE/P10.</summary>
    Auto,
    /// <summary>Standardize (z-score) before encoding.</summary>
    Standardize,
    /// <summary>Signed-log warp z = sign(y)·ln(1 + |y|/s) for heavy-tailed targets.</summary>
    SignedLog,
    /// <summary>
    /// Piecewise-linear warp blending the training targets' empirical CDF with their min-max position (see
    /// <see cref="QuantileScaler"/>): narrower bins where targets are dense, for skewed or clustered targets.
    /// </summary>
    Quantile,
}
