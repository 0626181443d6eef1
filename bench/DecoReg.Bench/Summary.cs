namespace DecoReg.Bench;

/// <summary>Mean ± standard error over splits: s.e. = sample standard deviation (n − 1) / √n; NaN for n &lt; 2.</summary>
public readonly record struct Summary(double Mean, double StdErr, int Count)
{
    public static Summary Of(IReadOnlyCollection<double> values)
    {
        int n = values.Count;
        if (n == 0) return new Summary(double.NaN, double.NaN, 0);
        double mean = values.Average();
        if (n < 2) return new Summary(mean, double.NaN, 1);
        double ss = values.Sum(v => (v - mean) * (v - mean));
        return new Summary(mean, Math.Sqrt(ss / (n - 1)) / Math.Sqrt(n), n);
    }

    /// <summary>"3.14 ± 0.05" (or "3.14" for one split), with <paramref name="decimals"/> decimals.</summary>
    public string Format(int decimals = 3)
    {
        if (Count == 0) return "—";
        string f(double v) => double.IsNaN(v) ? "nan" : double.IsPositiveInfinity(v) ? "∞" : double.IsNegativeInfinity(v) ? "−∞"
            : v.ToString("F" + decimals, System.Globalization.CultureInfo.InvariantCulture);
        return double.IsNaN(StdErr) ? f(Mean) : $"{f(Mean)} ± {f(StdErr)}";
    }
}
