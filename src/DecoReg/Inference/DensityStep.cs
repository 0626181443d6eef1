namespace DecoReg.Inference;

/// <summary>
/// One flat piece of a predictive density, [<see cref="Low"/>, <see cref="High"/>) in target units at height
/// <see cref="Density"/> (its mass divided by its width): what <see cref="Distribution.DensitySteps"/> returns for
/// plots and payloads.
/// </summary>
public readonly record struct DensityStep(double Low, double High, double Density);
