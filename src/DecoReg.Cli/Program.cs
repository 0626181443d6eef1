namespace DecoReg.Cli;

/// <summary>Entry point of the <c>decoreg</c> command-line tool; all wiring lives in <see cref="DecoRegApp"/>.</summary>
public static class Program
{
    public static int Main(string[] args) => DecoRegApp.Run(args);
}
