namespace DecoReg.Bench;

/// <summary>
/// The scores of one method on one split (NaN metrics and an <see cref="Error"/> when it failed); <see cref="Choice"/>
/// is what the method chose on the inner hold-out (decoreg-select: the target scaling kept), else null. The
/// properties below the constructor were added with the text suite: null in files recorded before them, and the
/// throughput ones null for methods that are not DecoReg.
/// </summary>
public sealed record RunResult(
    string Dataset, int Split, string Method, int TrainRows, int TestRows,
    double Rmse, double Nll, double Crps, double Coverage90,
    double TrainSeconds, double PredictSeconds, int Epochs, string StopReason, string? Error = null, string? Choice = null)
{
    /// <summary>Spearman ρ of the predictive median against y.</summary>
    public double? Spearman { get; init; }

    /// <summary>Kendall τ-b of the predictive median against y.</summary>
    public double? Kendall { get; init; }

    /// <summary>R² of sign(y)·log10(1 + |y|) predicted by the same map of the median (<see cref="LogScaleMetrics"/>).</summary>
    public double? R2Log { get; init; }

    /// <summary>RMSE of sign(y)·log10(1 + |y|) predicted by the same map of the median, in decades.</summary>
    public double? RmseLog { get; init; }

    /// <summary>Test rows per second of decoding the predictive distributions (prediction only, no scoring or likelihood).</summary>
    public double? PredictRowsPerSecond { get; init; }

    /// <summary>Training examples per second (mean of the per-epoch rates; DecoReg only).</summary>
    public double? TrainExamplesPerSecond { get; init; }

    /// <summary>Encoder tokens per example: column tokens plus mean text tokens after cutting (DecoReg only).</summary>
    public double? InputTokens { get; init; }

    /// <summary>Estimated training FLOPs per example (<see cref="TrainingThroughput.EstimateFlopsPerExample"/>; DecoReg only).</summary>
    public double? TrainFlopsPerExample { get; init; }

    /// <summary>The fp32 matmul rate measured by the command that made this run (GFLOP/s, <see cref="Model.MatmulPeak"/>).</summary>
    public double? MatmulPeakGflops { get; init; }
}
