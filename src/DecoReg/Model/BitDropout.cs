using TorchSharp;
using static TorchSharp.torch;

namespace DecoReg.Model;

/// <summary>
/// Inverted dropout whose mask is read from random bits: each element gets 16 bits, four elements per 64-bit draw of
/// libtorch's seeded generator, and is dropped when they fall below rate × 65,536 (the rate is rounded to a multiple of
/// 1/65,536); kept elements are scaled by 1 / (1 − rate). Identity in evaluation mode and at rate 0.
/// Why not <c>nn.Dropout</c>: libtorch draws one double per element through a serial loop (its vectorized MKL path
/// is taken on Intel processors only), which was 19 % of a training step of the MLP backbone on this machine's AMD
/// cores (power-plant, 4 members, 128-row batches); this mask costs about a third of that (bench/README.md,
/// "Dropout from random bits").
/// </summary>
internal sealed class BitDropout : nn.Module<Tensor, Tensor>
{
    private const int BitsPerElement = 16;
    private const int ElementsPerDraw = 64 / BitsPerElement;
    // 0-dim int64 tensors (TorchSharp's bitwise operations take tensors), kept for the process's lifetime: detached from
    // whatever dispose scope is open when the class is first used
    private static readonly Tensor LowBits = Constant((1L << BitsPerElement) - 1);
    private static readonly Tensor[] Shifts = Enumerable.Range(1, ElementsPerDraw - 1).Select(j => Constant(BitsPerElement * j)).ToArray();
    private readonly Scalar threshold, scale;   // rooted for the module's lifetime (see TorchScalars)

    public BitDropout(double rate) : base(nameof(BitDropout))
    {
        if (rate is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(rate), rate, "dropout rate must be in [0, 1)");
        long dropped = (long)Math.Round(rate * (1L << BitsPerElement));
        Rate = dropped / (double)(1L << BitsPerElement);
        threshold = dropped.ToScalar();
        scale = (1.0 / (1.0 - Rate)).ToScalar();
    }

    /// <summary>The rate applied: the one asked for, rounded to a multiple of 1/65,536.</summary>
    public double Rate { get; }

    private static Tensor Constant(long value) => torch.tensor(value).DetachFromDisposeScope();

    public override Tensor forward(Tensor x)
    {
        if (!training || Rate == 0) return x.alias();
        using var scope = torch.NewDisposeScope();
        long n = x.numel();
        var draws = torch.randint(long.MinValue, long.MaxValue, [(n + ElementsPerDraw - 1) / ElementsPerDraw], dtype: ScalarType.Int64, device: x.device);
        var parts = new Tensor[ElementsPerDraw];
        for (int j = 0; j < ElementsPerDraw; j++)
            parts[j] = (j == 0 ? draws : draws.bitwise_right_shift(Shifts[j - 1])).bitwise_and(LowBits).ge(threshold);
        var keep = torch.cat(parts).narrow(0, 0, n).view(x.shape).to_type(x.dtype).mul_(scale);
        return x.mul(keep).MoveToOuterDisposeScope();
    }
}
