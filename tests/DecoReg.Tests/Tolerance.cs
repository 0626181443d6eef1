namespace DecoReg.Tests;

/// <summary>
/// Compares floating-point results of model computations with a relative and an absolute tolerance. libtorch's CPU
/// kernels are not bit-identical across processors, and xunit's <c>Assert.Equal(a, b, digits)</c> rounds both sides,
/// so two values 2e-9 apart can fail it on one machine and pass on another; a tolerance cannot.
/// </summary>
public static class Tolerance
{
    /// <summary>Relative tolerance for log-likelihoods of the same model computed along two paths (float32 networks).</summary>
    public const double LogLikelihood = 1e-5;

    /// <summary>
    /// Relative tolerance for the same rows decoded in batches of different sizes (a server's micro-batches against one
    /// PredictBatch): libtorch picks float32 kernels by shape, so results differ in the 7th–8th digit; rows differ far more.
    /// </summary>
    public const double Batched = 1e-6;

    /// <summary>Asserts |expected − actual| ≤ absolute + relative · max(|expected|, |actual|).</summary>
    public static void AssertClose(double expected, double actual, double relative, double absolute = 0)
    {
        double allowed = absolute + relative * Math.Max(Math.Abs(expected), Math.Abs(actual));
        if (!(Math.Abs(expected - actual) <= allowed))
            Assert.Fail($"Expected {expected:R}, actual {actual:R}: difference {Math.Abs(expected - actual):E3} exceeds {allowed:E3} (relative {relative:G3}, absolute {absolute:G3}).");
    }
}
