using TorchSharp;
using static TorchSharp.torch;

namespace DecoReg.Model;

/// <summary>
/// Tensor arithmetic that keeps its scalars alive for the native call. TorchSharp's <c>a + b</c> passes a temporary
/// Scalar (alpha = 1), and <c>a * 0.5</c> one for 0.5, that nothing references once its handle is read; Scalars are
/// not tracked by dispose scopes, so the finalizer thread may free one while libtorch still reads it (seen here once:
/// a decoding step failed in <c>Scalar::toFloat</c> after 45 minutes of benchmark work). A rooted constant, or a scalar
/// disposed after the call, cannot be collected early. Used on the model's hot paths (every decoding step, every
/// training step).
/// </summary>
internal static class TorchScalars
{
    /// <summary>The scalar 1, rooted for the process's lifetime.</summary>
    public static readonly Scalar One = 1.ToScalar();

    /// <summary><paramref name="a"/> + <paramref name="b"/> (broadcasting).</summary>
    public static Tensor Plus(this Tensor a, Tensor b) => a.add(b, One);

    /// <summary><paramref name="a"/> + <paramref name="b"/> elementwise.</summary>
    public static Tensor Plus(this Tensor a, double b)
    {
        using var s = b.ToScalar();
        return a.add(s);
    }

    /// <summary><paramref name="a"/> × <paramref name="b"/>.</summary>
    public static Tensor Times(this Tensor a, double b)
    {
        using var s = b.ToScalar();
        return a.mul(s);
    }

    /// <summary><paramref name="a"/> ÷ <paramref name="b"/>.</summary>
    public static Tensor Over(this Tensor a, double b)
    {
        using var s = b.ToScalar();
        return a.div(s);
    }
}
