namespace DecoReg.Training;

/// <summary>
/// One candidate of <see cref="ScalingSelection"/>: the scaling tried and its mean negative log-likelihood per
/// hold-out row in target units (comparable across scalings, unlike the token cross-entropy).
/// </summary>
public sealed record ScalingTrial(TargetScaling Scaling, double ValidationNll, bool Chosen);
