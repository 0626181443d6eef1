namespace DecoReg.Model;

/// <summary>How a standardized numeric value becomes a vector in <see cref="TabularEmbedding"/>.</summary>
public enum NumericEmbedding
{
    /// <summary>value · w[column]: one learned direction per column.</summary>
    Linear,
    /// <summary>
    /// Periodic features sin/cos(2π·f·value) with learned frequencies f per column, then a per-column linear layer
    /// and ReLU ("PLR", Gorishniy et al. 2022): lets the model resolve non-linear effects of one feature cheaply.
    /// </summary>
    Periodic,
}
