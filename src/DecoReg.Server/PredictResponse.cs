using DecoReg.Inference;

namespace DecoReg.Server;

/// <summary>The answer to a prediction request: which model version decoded it, and one prediction per row in order.</summary>
public sealed record PredictResponse(string Model, int ModelVersion, IReadOnlyList<RowPrediction> Predictions)
{
    internal static PredictResponse From(string model, PredictionResult result, PredictRequest request) =>
        new(model, result.ModelVersion, result.Distributions.Select(d => RowPrediction.From(d, request)).ToArray());
}

/// <summary>One row's predictive distribution summarized in the target's units; <see cref="Density"/> only when asked.</summary>
public sealed record RowPrediction(
    double Mean, double Median, double Std, IReadOnlyList<QuantileValue> Quantiles, IntervalValue Interval, DensityValue? Density)
{
    public static RowPrediction From(Distribution d, PredictRequest request)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(request);
        var interval = d.Interval(request.Interval);
        return new RowPrediction(d.Mean, d.Median, d.StdDev,
            request.Quantiles.Select(q => new QuantileValue(q, d.Quantile(q))).ToArray(),
            new IntervalValue(request.Interval, interval.Low, interval.High),
            request.Density ? DensityValue.From(d) : null);
    }
}

/// <summary>The value below which the target falls with probability <see cref="Q"/>.</summary>
public sealed record QuantileValue(double Q, double Value);

/// <summary>The central interval holding <see cref="Level"/> of the probability.</summary>
public sealed record IntervalValue(double Level, double Low, double High);

/// <summary>
/// The distribution's support: atom values (ascending), their probabilities (sum 1) and the bin [low, high) each
/// stands for, and the density itself as flat steps (<see cref="Distribution.DensitySteps"/>): one per bin,
/// probability / (high − low), when the model's bins are uniform in target units; 8 equal-mass pieces per bin when its
/// target scaling warps them (quantile warp, signed log), so the steps follow the density the model's likelihood has.
/// </summary>
public sealed record DensityValue(double[] Values, double[] Probabilities, double[] BinLows, double[] BinHighs, double CoveredMass, IReadOnlyList<DensityStep> Steps)
{
    public static DensityValue From(Distribution d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.Values.ToArray(), d.Probabilities.ToArray(), d.BinLows.ToArray(), d.BinHighs.ToArray(), d.CoveredMass, d.DensitySteps());
    }
}
