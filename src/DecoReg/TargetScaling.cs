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
    /// <summary>
    /// Piecewise-linear warp blending the training targets' empirical CDF with their min-max position (see
    /// <see cref="Numbers.QuantileScaler"/>): narrower bins where targets are dense, for skewed or clustered targets.
    /// </summary>
    Quantile,
    /// <summary>
    /// Train with <see cref="Auto"/> and with <see cref="Quantile"/> on the same rows and hold-out, and keep the model
    /// with the lower hold-out negative log-likelihood in target units (twice the training time). The kept model's
    /// options name the scaling it uses; <see cref="DecodingRegressor.ScalingTrials"/> lists both hold-out scores.
    /// </summary>
    Select,
}
