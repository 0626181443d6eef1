using DecoReg.Numbers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DecoReg.Tests.Numbers;

/// <summary>Properties every codec must satisfy, run over <see cref="CodecTestUtil.Configs"/>.</summary>
public class CodecPropertyTests
{
    [Theory]
    [MemberData(nameof(CodecTestUtil.ConfigIndices), MemberType = typeof(CodecTestUtil))]
    public void RandomGrammarWalks_DecodeAndReencode(int config)
    {
        var codec = CodecTestUtil.Configs[config].Create();
        var rng = new Random(1234 + config);
        for (int n = 0; n < 1500; n++)
        {
            var tokens = CodecTestUtil.RandomWalk(codec.Grammar, rng);
            Assert.True(codec.Grammar.IsValid(tokens));
            double v = codec.Decode(tokens);
            var bin = codec.Bin(tokens);
            var again = codec.Encode(v);
            Assert.True(tokens.SequenceEqual(again.Tokens), $"{CodecTestUtil.Show(codec, tokens)} decodes to {v:R}, which encodes to {CodecTestUtil.Show(codec, again.Tokens)}");
            Assert.Equal(EncodeStatus.Ok, again.Status);
            if (!double.IsFinite(v))
            {
                Assert.True(bin.Low.Equals(v) && bin.High.Equals(v), "special values have a degenerate bin");
                continue;
            }
            Assert.True(bin.Low <= v && v < bin.High, $"{v:R} outside its bin [{bin.Low:R}, {bin.High:R})");
            // Bins are exact over doubles: Low is the first double of the preimage, High the first after it.
            Assert.Equal(tokens, codec.Encode(bin.Low).Tokens);
            Assert.Equal(tokens, codec.Encode(Math.BitDecrement(bin.High)).Tokens);
            AssertLeaves(codec, tokens, Math.BitDecrement(bin.Low));
            AssertLeaves(codec, tokens, bin.High);
        }
    }

    private static void AssertLeaves(INumberCodec codec, int[] tokens, double outside)
    {
        if (codec is NormalizedCodec && (outside < 0 || outside >= 1)) return; // 1.0 belongs to the last bin
        var e = codec.Encode(outside);
        if (e.Status == EncodeStatus.Overflow) return; // beyond the largest bin: clamps onto it
        Assert.False(tokens.SequenceEqual(e.Tokens), $"{outside:R} is outside the bin of {CodecTestUtil.Show(codec, tokens)} but encodes to it");
    }

    private static readonly Gen<double> Values =
        from mantissa in Gen.Choose(0, int.MaxValue)
        from exponent in Gen.Choose(-60, 60)
        from negative in ArbMap.Default.GeneratorFor<bool>()
        from raw in Gen.Elements(false, false, false, true)
        from rawValue in ArbMap.Default.GeneratorFor<double>()
        select raw ? rawValue : (negative ? -1 : 1) * (1.0 + mantissa / (double)int.MaxValue) * Math.Pow(10, exponent / 4.0);

    [Fact]
    public void RoundTrip_WithinHalfUnitInLastPlace()
    {
        foreach (var options in CodecTestUtil.Configs)
        {
            var codec = options.Create();
            Prop.ForAll(Values.ToArbitrary(), v =>
            {
                if (!double.IsFinite(v)) return true;
                if (codec is NormalizedCodec) v = Math.Abs(v) % 1.0;
                var e = codec.Encode(v);
                double d = codec.Decode(e.Tokens);
                var bin = codec.Bin(e.Tokens);
                if (e.Status == EncodeStatus.Overflow) return Math.Abs(v) >= Math.Max(Math.Abs(bin.Low), Math.Abs(bin.High)) - 1e-300 && Math.Sign(d) == Math.Sign(v);
                if (e.Status == EncodeStatus.Underflow) return d == 0 && bin.Low <= v && v < bin.High;
                // Half a unit in the last place = half the bin width on the side of v (bins are asymmetric only at
                // powers of the base, where the lower side is the finer one).
                double half = v >= d ? bin.High - d : d - bin.Low;
                return bin.Low <= v && v < bin.High && Math.Abs(d - v) <= half;
            }).QuickCheckThrowOnFailure();
        }
    }

    [Fact]
    public void Monotonic()
    {
        foreach (var options in CodecTestUtil.Configs)
        {
            var codec = options.Create();
            Prop.ForAll(Values.ToArbitrary(), Values.ToArbitrary(), (a, b) =>
            {
                if (!double.IsFinite(a) || !double.IsFinite(b)) return true;
                if (codec is NormalizedCodec) { a = Math.Abs(a) % 1.0; b = Math.Abs(b) % 1.0; }
                if (a > b) (a, b) = (b, a);
                return codec.Decode(codec.Encode(a).Tokens) <= codec.Decode(codec.Encode(b).Tokens);
            }).QuickCheckThrowOnFailure();
        }
    }

    [Fact]
    public void Monotonic_OnDenseGrid()
    {
        // Walk across decade boundaries, the clamp limits and zero in small steps.
        foreach (var options in CodecTestUtil.Configs.Where(o => o is not NormalizedCodecOptions))
        {
            var codec = options.Create();
            double previous = double.NegativeInfinity;
            for (double x = -12; x <= 12; x += 0.0007)
            {
                double v = Math.Sign(x) * Math.Pow(10, Math.Abs(x) - 2) * (Math.Abs(x) < 1e-9 ? 0 : 1);
                double d = codec.Decode(codec.Encode(v).Tokens);
                Assert.True(d >= previous, $"{options}: decode(encode({v:R})) = {d:R} < {previous:R}");
                previous = d;
            }
        }
    }

    [Property(MaxTest = 300)]
    public bool Ieee_RestrictedRange_AllowsExactlyThoseExponents(int a, int b, bool zeroSign)
    {
        int min = Math.Clamp(Math.Min(a, b), -99, 99), max = Math.Clamp(Math.Max(a, b), -99, 99);
        var codec = new IeeeCodec(new IeeeCodecOptions(ExponentDigits: 2, MantissaDigits: 2, MinExponent: min, MaxExponent: max));
        var g = codec.Grammar;
        foreach (int sign in new[] { codec.Plus, codec.Minus })
        {
            int afterSign = g.Next(Grammar.Start, sign);
            var seen = new List<int>();
            foreach (int es in g.AllowedTokens(afterSign))
            {
                int s1 = g.Next(afterSign, es);
                foreach (int d1 in g.AllowedTokens(s1))
                {
                    int s2 = g.Next(s1, d1);
                    foreach (int d2 in g.AllowedTokens(s2))
                    {
                        int e = (d1 * 10 + d2) * (es == codec.Minus ? -1 : 1);
                        if (es == codec.Minus && e == 0) return false; // "-00" would be a second zero exponent
                        seen.Add(e);
                        // Mantissa may start with 0 only for +zero at the minimum exponent.
                        bool zeroAllowed = g.IsAllowed(g.Next(s2, d2), 0);
                        if (zeroAllowed != (sign == codec.Plus && e == min)) return false;
                    }
                }
            }
            if (!seen.Order().SequenceEqual(Enumerable.Range(min, max - min + 1))) return false;
        }
        _ = zeroSign;
        return true;
    }

    [Fact]
    public void Ieee_ExponentTrie_IsCompact()
    {
        // Full subtrees are shared: base 16 with 3 exponent digits needs far fewer than 2 * 16^3 states.
        var codec = new IeeeCodec(new IeeeCodecOptions(Base: 16, ExponentDigits: 3, MantissaDigits: 3, MinExponent: -200, MaxExponent: 250));
        Assert.True(codec.Grammar.StateCount < 60, $"{codec.Grammar.StateCount} states");
        Assert.Equal(2 + 3 + 3, codec.Grammar.Length);
    }
}
