namespace DecoReg.Uncertainty;

/// <summary>
/// The split-conformal rule a <see cref="ConformalCalibration"/> applies. <see cref="Cqr"/> is the default of
/// <c>calibrate</c>: on the uncertainty benchmark its 90 % coverage landed in the target band on more sets than the
/// centred PIT rule's (bench/results/uncertainty.md). <see cref="Pit"/> is what model files written before the choice
/// existed hold.
/// </summary>
public enum ConformalMethod
{
    /// <summary>Centred PIT (<see cref="PitConformal.CentredBounds"/>): one sorted array of PITs serves every level.</summary>
    Pit = 0,

    /// <summary>Conformalized quantile regression (<see cref="ConformalQuantileRegression"/>): one sorted score array per level of <see cref="ConformalQuantileRegression.Grid"/>.</summary>
    Cqr = 1,
}
