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
            double scale = scaler is MinMaxScaler or StandardScaler ? Math.Max(Math.Abs(y), 130) : Math.Abs(y);
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
