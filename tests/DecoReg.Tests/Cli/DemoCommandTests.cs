using DecoReg.Cli.Commands;
using DecoReg.Tests.Data;

namespace DecoReg.Tests.Cli;

public class DemoCommandTests
{
    [Fact]
    public void Demo_FewEpochs_PrintsComparison_AndWritesPlots()
    {
        Assert.True(File.Exists(Path.Combine(DemoCommand.FindData(), "data.txt")));
        using var dir = new TempDir();
        string plots = Path.Combine(dir.FullPath, "plots");
        var (code, output, err) = CliRunner.Run("demo", "--epochs", "2", "--plots", plots);
        Assert.True(code == 0, err);
        Assert.Contains("UCI concrete", output);
        Assert.Contains("RMSE", output);
        Assert.Contains("NLL", output);
        Assert.Contains("90 % interval coverage", output);
        Assert.Contains("baseline: training mean", output);
        foreach (var png in new[] { "parity.png", "calibration.png", "densities.png", "training.png" })
        {
            var file = new FileInfo(Path.Combine(plots, png));
            Assert.True(file.Exists, png);
            Assert.True(file.Length > 10_000, $"{png}: {file.Length} bytes");
            var head = new byte[8];
            using (var s = file.OpenRead()) s.ReadExactly(head);
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, head); // PNG signature
        }
        Assert.Empty(Directory.GetFiles(plots, "*.tmp*"));
    }
}
