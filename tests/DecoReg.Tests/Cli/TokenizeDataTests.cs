using DecoReg.Tests.Data;

namespace DecoReg.Tests.Cli;

/// <summary><c>decoreg tokenize --data</c>: the data options (shared with train) pick the targets to encode.</summary>
public class TokenizeDataTests
{
    [Fact]
    public void Data_EncodesTheTargetColumnAfterTheGivenValues()
    {
        using var dir = new TempDir();
        string csv = Path.Combine(dir.FullPath, "t.csv");
        File.WriteAllText(csv, "x,y\n1,123.4\n2,-0.5\n");
        var (code, output, err) = CliRunner.Run("tokenize", "--codec", "ieee", "--data", csv, "--target", "y", "1000");
        Assert.Equal("", err);
        Assert.Equal(0, code);
        string[] lines = output.Split('\n');
        int Line(string value) => Array.FindIndex(lines, l => l.TrimStart('│', ' ').StartsWith(value + " ", StringComparison.Ordinal));
        Assert.Contains("[+] [+] [2] [1] [2] [3] [4]", lines[Line("123.4")]);
        Assert.Contains("[-] [-] [1] [5] [0] [0] [0]", lines[Line("-0.5")]);
        Assert.True(Line("1000") < Line("123.4") && Line("123.4") < Line("-0.5"));
    }

    [Fact]
    public void DataOptionWithoutData_IsAnError()
    {
        var (code, _, err) = CliRunner.Run("tokenize", "--target", "y", "1");
        Assert.Equal(2, code);
        Assert.Contains("no data given; use --data FILE", err);
    }
}
