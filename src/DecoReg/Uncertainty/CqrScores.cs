namespace DecoReg.Uncertainty;

/// <summary>
/// The calibration rows' conformalized-quantile-regression scores max(q_lo − y, y − q_hi) at one central level, sorted
/// ascending (stored in the model file, so the correction at the level is the ⌈(n+1)·level⌉-th of them).
/// </summary>
public sealed record CqrScores(double Level, IReadOnlyList<double> Scores);
