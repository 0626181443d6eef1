using System.Globalization;
using DecoReg.Data;

namespace DecoReg.Tests.Training;

/// <summary>Small synthetic regression sets built in memory (one numeric feature "x").</summary>
internal static class Synthetic
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

    public static Table Points(params double[] xs) =>
        new("points", new[] { "x" }, xs.Select(x => new[] { (string?)x.ToString("R", CultureInfo.InvariantCulture) }).ToList());
}
