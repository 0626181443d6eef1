namespace DecoReg.Training;

/// <summary>
/// One candidate of <see cref="ScalingSelection"/>: the scaling tried and its mean negative log-likelihood per
/// hold-out row in target units (comparable across scalings, unlike the token cross-entropy), measured after
/// <see cref="Epochs"/> epochs of training.
/// </summary>
public sealed record ScalingTrial(TargetScaling Scaling, double ValidationNll, bool Chosen)
{
    /// <summary>Epochs the candidate had trained when the candidates were compared (0 in model files written before it was recorded).</summary>
    public int Epochs { get; init; }

    /// <summary>Training time of a candidate that was dropped at the comparison (zero for the kept one, whose time is its report's).</summary>
    public TimeSpan DroppedAfter { get; init; }
}
