namespace DecoReg.Inference;

/// <summary>A closed interval [Low, High] of target values, e.g. a central predictive interval.</summary>
public readonly record struct PredictionInterval(double Low, double High)
{
    public double Width => High - Low;

    /// <summary>True when <paramref name="y"/> lies in [Low, High] (both ends included).</summary>
    public bool Contains(double y) => y >= Low && y <= High;
}
