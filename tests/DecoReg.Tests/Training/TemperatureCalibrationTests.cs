using DecoReg.Training;

namespace DecoReg.Tests.Training;

public class TemperatureCalibrationTests
{
    private static readonly int One = TemperatureCalibration.Grid.ToList().IndexOf(1.0);

    /// <summary>Per-row losses for every grid value: <paramref name="excess"/>(g, row) added to a common base.</summary>
    private static double[][] Losses(int rows, Func<int, int, double> excess) =>
        Enumerable.Range(0, TemperatureCalibration.Grid.Count)
            .Select(g => Enumerable.Range(0, rows).Select(r => 5.0 + 0.3 * (r % 7) + excess(g, r)).ToArray()).ToArray();

    [Fact]
    public void WithoutPreference_TheLowestMeanWins()
    {
        var losses = Losses(40, (g, r) => 0.01 * Math.Abs(g - 6));    // best: grid index 6
        Assert.Equal(6, TemperatureCalibration.Choose(losses, preferWider: false));
    }

    [Fact]
    public void WiderWithinNoise_IsPreferred_OnlyWhenAsked()
    {
        // T = 1 is best on average, but every wider value's excess swings ±0.5 around a mean of 0.02 from row to
        // row: its standard error (~0.08 over 40 rows) covers it, so the widest grid value is taken.
        var losses = Losses(40, (g, r) => g <= One ? 0.05 * (One - g) : 0.02 + (r % 2 == 0 ? 0.5 : -0.5));
        Assert.Equal(One, TemperatureCalibration.Choose(losses, preferWider: false));
        Assert.Equal(TemperatureCalibration.Grid.Count - 1, TemperatureCalibration.Choose(losses, preferWider: true));
    }

    [Fact]
    public void WiderClearlyWorse_KeepsTheBest()
    {
        // Every row loses 0.02 per grid step above T = 1, with tiny noise: no wider value is within one standard error.
        var losses = Losses(40, (g, r) => Math.Abs(g - One) * 0.02 + 1e-4 * (r % 3));
        Assert.Equal(One, TemperatureCalibration.Choose(losses, preferWider: true));
    }

    [Fact]
    public void TheWidestAcceptableValueIsTaken_NotJustAnyWiderOne()
    {
        // Within noise up to grid index One + 3, clearly worse beyond: One + 3 is chosen.
        var losses = Losses(30, (g, r) => g <= One ? 0.1 * (One - g) : g <= One + 3 ? 0.01 + (r % 2 == 0 ? 0.3 : -0.3) : 1.0);
        Assert.Equal(One + 3, TemperatureCalibration.Choose(losses, preferWider: true));
    }
}
