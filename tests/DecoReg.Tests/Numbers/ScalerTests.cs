using System.Text.Json;
using DecoReg.Numbers;
using FsCheck;
using FsCheck.Fluent;

namespace DecoReg.Tests.Numbers;

public class ScalerTests
{
    public static IEnumerable<object[]> Scalers() =>
    [
        [new IdentityScaler()],
        [new MinMaxScaler(-3.5, 120)],
        [new StandardScaler(42, 0.25)],
        [new SignedLogScaler(1)],
        [new SignedLogScaler(350)],
        [new QuantileScaler([-50, -2, 0.1, 3, 40, 1000], [0, 0.2, 0.5, 0.6, 0.9, 1])],
    ];

    private static readonly Gen<double> Ys =
        from m in Gen.Choose(-1_000_000, 1_000_000)
        from e in Gen.Choose(-12, 8)
        select m / 1e6 * Math.Pow(10, e);

    [Theory]
    [MemberData(nameof(Scalers))]
    public void Inverse_RoundTripsExactly(TargetScaler scaler)
    {
        Prop.ForAll(Ys.ToArbitrary(), y =>
        {
            double back = scaler.Inverse(scaler.Transform(y));
            double scale = scaler switch
            {
                MinMaxScaler or StandardScaler => Math.Max(Math.Abs(y), 130),
                QuantileScaler => Math.Max(Math.Abs(y), 1000), // affine pieces through knots up to 1000
                _ => Math.Abs(y),
            };
            return Math.Abs(back - y) <= 1e-12 * scale;
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [MemberData(nameof(Scalers))]
    public void LogAbsDerivative_MatchesFiniteDifference(TargetScaler scaler)
    {
        foreach (double y in new[] { -1e4, -37.2, -1, -0.01, 0.003, 0.5, 2, 99, 5e5 })
        {
            double h = 1e-5 * Math.Max(1e-2, Math.Abs(y));
            double numeric = (scaler.Transform(y + h) - scaler.Transform(y - h)) / (2 * h);
            double expected = Math.Log(Math.Abs(numeric));
            Assert.True(Math.Abs(scaler.LogAbsDerivative(y) - expected) < 1e-6, $"{scaler} at {y}: {scaler.LogAbsDerivative(y)} vs {expected}");
        }
    }

    [Theory]
    [MemberData(nameof(Scalers))]
    public void IsMonotonicIncreasing(TargetScaler scaler)
    {
        double prev = double.NegativeInfinity;
        for (double y = -1000; y <= 1000; y += 0.37)
        {
            double z = scaler.Transform(y);
            Assert.True(z > prev);
            prev = z;
        }
    }

    [Fact]
    public void SignedLog_IsAccurateForTinyValues()
    {
        var s = new SignedLogScaler(1);
        Assert.Equal(9.9999999995e-11, s.Transform(1e-10), 1e-24);
        Assert.Equal(-1e-10, s.Inverse(s.Transform(-1e-10)), 1e-24);
        Assert.Equal(Math.Log(2), s.Transform(1), 1e-15);
        Assert.Equal(-Math.Log(1001), s.Transform(-1000), 1e-12);
    }

    [Fact]
    public void MinMax_Fit_WidensByMargin()
    {
        var s = MinMaxScaler.Fit([0, 10, 5], margin: 0.1);
        Assert.Equal(-1, s.Low, 1e-12);
        Assert.Equal(11, s.High, 1e-12);
        Assert.Equal(1.0 / 12, s.Transform(0), 1e-12);
        Assert.Equal(0, s.TransformClamped(-50));
        Assert.Equal(1, s.TransformClamped(50));
        Assert.Equal(0.5, MinMaxScaler.Clamp01(0.5));
        var tight = MinMaxScaler.Fit([2, 4], margin: 0);
        Assert.Equal(0, tight.Transform(2));
        Assert.Equal(1, tight.Transform(4));
    }

    [Fact]
    public void Fit_HandlesConstantColumns()
    {
        var mm = MinMaxScaler.Fit([7, 7, 7]);
        Assert.True(mm.Low < 7 && mm.High > 7);
        Assert.Equal(0.5, mm.Transform(7), 1e-12);
        var zero = MinMaxScaler.Fit([0.0]);
        Assert.True(zero.High > zero.Low);
        Assert.Equal(1, StandardScaler.Fit([3, 3]).Std);
        Assert.Equal(1, SignedLogScaler.Fit([0, 0, 0]).Scale);
    }

    [Fact]
    public void Standard_And_SignedLog_Fit()
    {
        var st = StandardScaler.Fit([1, 2, 3, 4]);
        Assert.Equal(2.5, st.Mean, 1e-12);
        Assert.Equal(Math.Sqrt(1.25), st.Std, 1e-12);
        Assert.Equal(3, SignedLogScaler.Fit([-1, 3, -5, 100, 2]).Scale);
        Assert.Equal(4, SignedLogScaler.Fit([-3, 5]).Scale);
    }

    [Fact]
    public void Quantile_Fit_BlendsCdfAndMinMaxAtTheKnots()
    {
        var s = QuantileScaler.Fit([4, 1, 100, 3, 2], segments: 4, weight: 0.5);
        Assert.Equal(new double[] { 1, 2, 3, 4, 100 }, s.Xs);
        double[] expected = [0, 0.125 + 0.5 / 99, 0.25 + 1.0 / 99, 0.375 + 1.5 / 99, 1];
        for (int j = 0; j < expected.Length; j++) Assert.Equal(expected[j], s.Zs[j], 1e-12);
        // Between knots the map is linear; outside it continues with slope 1/(max − min).
        Assert.Equal(0.5 * (expected[1] + expected[2]), s.Transform(2.5), 1e-12);
        Assert.Equal(1 + 10.0 / 99, s.Transform(110), 1e-12);
        Assert.Equal(-1.0 / 99, s.Transform(0), 1e-12);
        Assert.Equal(Math.Log(1.0 / 99), s.LogAbsDerivative(-5), 1e-12);
        Assert.Equal(Math.Log((1 - expected[3]) / 96), s.LogAbsDerivative(50), 1e-12);
    }

    [Fact]
    public void Quantile_Fit_MergesTiedKnotsAtTheirMeanLevel()
    {
        var s = QuantileScaler.Fit([5, 5, 6, 5, 7, 5], segments: 5, weight: 0.5);
        Assert.Equal(new double[] { 5, 6, 7 }, s.Xs);
        Assert.Equal(0.5 * 0.3, s.Zs[0], 1e-12);
        Assert.Equal(0.5 * 0.8 + 0.5 * 0.5, s.Zs[1], 1e-12);
        Assert.Equal(1, s.Zs[2], 1e-12);
        var constant = QuantileScaler.Fit([7, 7]);
        Assert.True(constant.Transform(6.9) < constant.Transform(7) && constant.Transform(7) < constant.Transform(7.1));
    }

    [Fact]
    public void Quantile_GivesNarrowBinsWhereTargetsAreDense_AndCapsTheWidest()
    {
        // Exponential targets: most mass near 0, a long right tail.
        var rng = new Random(3);
        var y = Enumerable.Range(0, 2000).Select(_ => -Math.Log(1 - rng.NextDouble())).ToArray();
        var q = QuantileScaler.Fit(y);
        double span = y.Max() - y.Min();
        // Width in y of a z-interval of 0.01 (one of 100 equal bins over the warped [0, 1] range).
        double Width(double z) => q.Inverse(z + 0.005) - q.Inverse(z - 0.005);
        double linear = 0.01 * span;
        double median = y.Order().ElementAt(1000);
        Assert.True(Width(q.Transform(median)) < 0.5 * linear, $"bin at the median {Width(q.Transform(median))} vs linear {linear}");
        for (double z = 0.005; z < 1; z += 0.01)
            Assert.True(Width(z) <= 2 * linear * (1 + 1e-9), $"bin at z={z}: {Width(z)} wider than 2× linear {linear}");
    }

    [Fact]
    public void Quantile_RejectsBadKnotsAndArguments()
    {
        Assert.Contains("does not increase", Assert.Throws<DecoRegException>(() => new QuantileScaler([0, 1, 1], [0, 0.5, 1])).Message);
        Assert.Contains("does not increase", Assert.Throws<DecoRegException>(() => new QuantileScaler([0, 1, 2], [0, 0.5, 0.5])).Message);
        Assert.Contains("at least 2", Assert.Throws<DecoRegException>(() => new QuantileScaler([0], [0])).Message);
        Assert.Contains("weight", Assert.Throws<DecoRegException>(() => QuantileScaler.Fit([1, 2], weight: 1)).Message);
        Assert.Contains("segments", Assert.Throws<DecoRegException>(() => QuantileScaler.Fit([1, 2], segments: 0)).Message);
        Assert.Contains("NaN at index 1", Assert.Throws<DecoRegException>(() => QuantileScaler.Fit([1, double.NaN])).Message);
    }

    [Fact]
    public void Fit_RejectsEmptyAndNonFinite()
    {
        Assert.Contains("no target values", Assert.Throws<DecoRegException>(() => MinMaxScaler.Fit([])).Message);
        Assert.Contains("no target values", Assert.Throws<DecoRegException>(() => StandardScaler.Fit([])).Message);
        var ex = Assert.Throws<DecoRegException>(() => SignedLogScaler.Fit([1, double.NaN]));
        Assert.Contains("NaN at index 1", ex.Message);
        Assert.Contains("Infinity", Assert.Throws<DecoRegException>(() => StandardScaler.Fit([double.PositiveInfinity])).Message);
        Assert.Throws<DecoRegException>(() => new StandardScaler(0, 0));
        Assert.Throws<DecoRegException>(() => new MinMaxScaler(1, 1));
        Assert.Throws<DecoRegException>(() => new SignedLogScaler(-1));
    }

    [Theory]
    [MemberData(nameof(Scalers))]
    public void Json_RoundTripsWithKind(TargetScaler scaler)
    {
        string json = JsonSerializer.Serialize(scaler);
        Assert.Contains("\"kind\"", json);
        var back = JsonSerializer.Deserialize<TargetScaler>(json);
        Assert.Equal(scaler, back);
    }
}
