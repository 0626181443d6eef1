namespace DecoReg.Bench;

/// <summary>Entry point of <c>decoreg-bench</c>; all wiring lives in <see cref="BenchApp"/>.</summary>
public static class Program
{
    public static int Main(string[] args) => BenchApp.Run(args);
}
