using System.Globalization;
using DecoReg.Data;

namespace DecoReg.Tests;

/// <summary>Small synthetic regression sets built in memory (one numeric feature "x").</summary>
internal static class SyntheticData
{
    public static Dataset Make(string name, int rows, int seed, Func<double, Random, double> target)
    {
        var rng = new Random(seed);
        var cells = new List<string?[]>(rows);
        var y = new double[rows];
        for (int i = 0; i < rows; i++)
        {
            double x = rng.NextDouble() * 2 - 1;
            cells.Add(new[] { x.ToString("R", CultureInfo.InvariantCulture) });
            y[i] = target(x, rng);
        }
        return new Dataset(new Table(name, new[] { "x" }, cells), y, name);
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    public static Table Points(params double[] xs) =>
        new("points", new[] { "x" }, xs.Select(x => new[] { (string?)x.ToString("R", CultureInfo.InvariantCulture) }).ToList());
}
