using System.Globalization;

namespace DecoReg.Inference;

/// <summary>Which loss a point prediction should minimise; selects the matching functional of a <see cref="Distribution"/>.</summary>
public enum PointMetricKind
{
    /// <summary>Squared error: the mean is optimal.</summary>
    SquaredError,
    /// <summary>Absolute error: the median is optimal.</summary>
    AbsoluteError,
    /// <summary>Pinball (quantile) loss at level tau: the tau-quantile is optimal.</summary>
    Pinball,
    /// <summary>Zero-one loss: the mode (most probable atom) is optimal.</summary>
    ZeroOne,
}

/// <summary>
/// A point-prediction loss: <see cref="SquaredError"/>, <see cref="AbsoluteError"/>, <see cref="Pinball(double)"/> or
/// <see cref="ZeroOne"/>. <see cref="Distribution.PointEstimate"/> returns the Bayes-optimal estimate for it.
/// </summary>
public sealed record PointMetric
{
    private PointMetric(PointMetricKind kind, double tau)
    {
        Kind = kind;
        Tau = tau;
    }

    public PointMetricKind Kind { get; }

    /// <summary>The quantile level for <see cref="PointMetricKind.Pinball"/>; 0.5 for AbsoluteError, NaN otherwise.</summary>
    public double Tau { get; }

    public static PointMetric SquaredError { get; } = new(PointMetricKind.SquaredError, double.NaN);
    public static PointMetric AbsoluteError { get; } = new(PointMetricKind.AbsoluteError, 0.5);
    public static PointMetric ZeroOne { get; } = new(PointMetricKind.ZeroOne, double.NaN);

    /// <summary>Pinball loss at quantile level <paramref name="tau"/> in (0, 1).</summary>
    public static PointMetric Pinball(double tau)
    {
        if (!(tau > 0 && tau < 1))
            throw new ArgumentOutOfRangeException(nameof(tau), tau, "Pinball level must be in (0, 1).");
        return new PointMetric(PointMetricKind.Pinball, tau);
    }

    /// <summary>The loss of predicting <paramref name="estimate"/> when the truth is <paramref name="target"/>.</summary>
    public double Loss(double estimate, double target)
    {
        double e = target - estimate;
        return Kind switch
        {
            PointMetricKind.SquaredError => e * e,
            PointMetricKind.AbsoluteError => Math.Abs(e),
            PointMetricKind.Pinball => e >= 0 ? Tau * e : (Tau - 1) * e,
            _ => estimate == target ? 0 : 1,
        };
    }

    /// <summary>
    /// Parses "squared", "mse", "absolute", "mae", "zero-one", "mode", "pinball:0.9" / "quantile:0.9" (case-insensitive).
    /// Throws <see cref="DecoRegException"/> naming the text otherwise.
    /// </summary>
    public static PointMetric Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string t = text.Trim().ToLowerInvariant();
        switch (t)
        {
            case "squared" or "squared-error" or "mse" or "mean": return SquaredError;
            case "absolute" or "absolute-error" or "mae" or "median": return AbsoluteError;
            case "zero-one" or "zeroone" or "0-1" or "mode": return ZeroOne;
        }
        int colon = t.IndexOf(':');
        if (colon > 0 && t[..colon] is "pinball" or "quantile"
            && double.TryParse(t[(colon + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out double tau)
            && tau > 0 && tau < 1)
            return Pinball(tau);
        throw new DecoRegException(
            $"Unknown point metric '{text}'; expected squared, absolute, zero-one or pinball:<tau> with tau in (0, 1).");
    }

    public override string ToString() => Kind switch
    {
        PointMetricKind.SquaredError => "squared",
        PointMetricKind.AbsoluteError => "absolute",
        PointMetricKind.Pinball => "pinball:" + Tau.ToString("R", CultureInfo.InvariantCulture),
        _ => "zero-one",
    };
}
