using DecoReg.Cli.Commands;
using DecoReg.Tests.Data;

namespace DecoReg.Tests.Cli;

/// <summary><c>decoreg bench</c> runs the separate decoreg-bench command and says how to get it when it is missing.</summary>
public class BenchForwardingTests
{
    [Fact]
    public void DecoregBench_ForwardsArgumentsOutputAndExitCode_ToDecoregBench()
    {
        // The test assembly's folder lies inside the source checkout: decoreg-bench runs through dotnet run.
        var (code, _, err) = CliRunner.Run("bench", "--suite", "nope");
        Assert.Equal(2, code);
        Assert.Contains("decoreg-bench: error: --suite must be one of: uci, tabular", err);
    }

    [Fact]
    public void WithoutDecoregBench_NothingIsLocated_AndTheMessageSaysHowToGetIt()
    {
        using var dir = new TempDir();
        Assert.Null(BenchCommand.Locate(dir.FullPath, dir.FullPath, dir.FullPath));
        Assert.Contains("dotnet run --project bench/DecoReg.Bench", BenchCommand.NotFound);

        string fake = Path.Combine(dir.FullPath, OperatingSystem.IsWindows() ? "decoreg-bench.exe" : "decoreg-bench");
        File.WriteAllText(fake, "");
        Assert.Equal(fake, BenchCommand.Locate(dir.FullPath, dir.FullPath, null)!.FileName);
    }
}
