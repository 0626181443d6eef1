using DecoReg.Tests.Data;

namespace DecoReg.Tests.Cli;

/// <summary>
/// User errors through the command line: one line on stderr naming the problem, exit code 2, nothing on stdout, no
/// output file created and no existing file overwritten.
/// </summary>
public class ErrorTests(YachtModelFixture yacht) : IClassFixture<YachtModelFixture>
{
    private static string AssertUserError((int Code, string Out, string Err) r, params string[] expected)
    {
        Assert.True(r.Code == 2, $"exit {r.Code}: {r.Err}");
        string line = r.Err.TrimEnd('\r', '\n');
        Assert.StartsWith("decoreg: error: ", line);
        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain("   at ", line);
        foreach (var e in expected) Assert.Contains(e, line);
        return line;
    }

    private static (int, string, string) Train(string data, string model, params string[] more) =>
        CliRunner.Run(["train", "--data", data, "--target", "y", .. CliRunner.Tiny, "--model", model, .. more]);

    [Fact]
    public void Train_BadData_EachNamesTheProblem_AndWritesNoModel()
    {
        using var dir = new TempDir();
        string model = Path.Combine(dir.FullPath, "m.decoreg");
        AssertUserError(Train(Path.Combine(dir.FullPath, "nope.csv"), model), "nope.csv", "file not found");
        AssertUserError(Train(dir.Write("empty.csv", ""), model), "empty.csv", "empty file");
        AssertUserError(Train(dir.Write("header.csv", "a,b,y\n"), model), "header.csv", "no data rows");
        AssertUserError(Train(dir.Write("notarget.csv", "a,b,z\n1,2,3\n"), model), "target column 'y' not found", "'a', 'b', 'z'");
        var bad = string.Join("\n", ["a,y", .. Enumerable.Range(1, 12).Select(i => i == 7 ? "7,abc" : $"{i},{i * 2}")]);
        AssertUserError(Train(dir.Write("badtarget.csv", bad), model), "badtarget.csv", "data row 7", "'abc'");
        var allMissing = string.Join("\n", ["a,b,y", .. Enumerable.Range(1, 20).Select(i => $"{i},,{i * 2}")]);
        AssertUserError(Train(dir.Write("allmissing.csv", allMissing), model), "column 'b' has all values missing");
        AssertUserError(Train(yacht.TrainCsv, model, "--codec", "p10", "--base", "2"), "unknown option 'base' for codec p10");
        AssertUserError(CliRunner.Run("train", "--data", CliRunner.Uci("yacht"), "--split", "99", "--model", model), "split 99 not found");
        AssertUserError(CliRunner.Run("train", "--data", yacht.TrainCsv, "--model", model), "no target column");
        AssertUserError(Train(yacht.TrainCsv, model, "--scaling", "cubic"), "--scaling 'cubic'");
        AssertUserError(Train(yacht.TrainCsv, model, "--backbone", "cnn"), "--backbone 'cnn'", "auto, mlp or transformer");
        AssertUserError(Train(yacht.TrainCsv, model, "--members", "0"), "--members 0", "between 1 and 64");
        AssertUserError(Train(yacht.TrainCsv, model, "--members-per-row", "0"), "--members-per-row 0", "at least 1");
        AssertUserError(Train(yacht.TrainCsv, model, "--backbone", "mlp", "--input", "text", "--ngram-buckets", "0"), "MLP backbone", "n-gram bag", "transformer");
        Assert.False(File.Exists(model));
        Assert.Empty(Directory.GetFiles(dir.FullPath, "*.tmp"));
    }

    [Fact]
    public void Train_WideTable_IsRefusedBeforeTraining_NamingFileColumnsAndLimit()
    {
        // The case: 100,000 numeric columns and 12 rows (one encoder token per column would train for hours).
        using var dir = new TempDir();
        const int columns = 100_000;
        var rows = Enumerable.Range(0, 12).Select(r => string.Join(",", Enumerable.Range(0, columns + 1).Select(c => (r + c) % 10)));
        string wide = dir.Write("wide.csv", string.Join("\n", [string.Join(",", Enumerable.Range(0, columns).Select(c => $"x{c}").Append("y")), .. rows]));
        string model = Path.Combine(dir.FullPath, "m.decoreg");
        var r = Train(wide, model);
        AssertUserError(r, "wide.csv", $"{columns} feature columns", $"at most {DecoReg.Inputs.ColumnSchema.MaxColumns}", "--drop");
        Assert.DoesNotContain("epoch", r.Item2);
        Assert.False(File.Exists(model));
    }

    [Fact]
    public void Train_ExistingModel_RefusedBeforeTraining_UnlessForce()
    {
        using var dir = new TempDir();
        string model = dir.Write("m.decoreg", "keep me");
        var r = Train(yacht.TrainCsv, model);
        AssertUserError(r, "m.decoreg", "already exists", "--force");
        Assert.DoesNotContain("epoch", r.Item2); // refused before training started
        Assert.Equal("keep me", File.ReadAllText(model));
        AssertUserError(Train(yacht.TrainCsv, Path.Combine(dir.FullPath, "no-such-folder", "m.decoreg")), "no-such-folder", "does not exist");
    }

    [Fact]
    public void Predict_ModelFileProblems()
    {
        using var dir = new TempDir();
        AssertUserError(CliRunner.Run("predict", "--model", Path.Combine(dir.FullPath, "none.decoreg"), "--data", yacht.TestCsv), "none.decoreg", "not found");
        string corrupt = Path.Combine(dir.FullPath, "corrupt.decoreg");
        var bytes = File.ReadAllBytes(yacht.Model);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(corrupt, bytes);
        AssertUserError(CliRunner.Run("predict", "--model", corrupt, "--data", yacht.TestCsv), "corrupt.decoreg", "corrupted");
        string other = Path.Combine(dir.FullPath, "v9.decoreg");
        bytes = File.ReadAllBytes(yacht.Model);
        bytes[8] = 9; // format version field
        File.WriteAllBytes(other, bytes);
        AssertUserError(CliRunner.Run("evaluate", "--model", other, "--data", yacht.TestCsv), "v9.decoreg", "version 9");
        AssertUserError(CliRunner.Run("predict", "--model", dir.Write("text.decoreg", "hello, I am not a model"), "--data", yacht.TestCsv), "text.decoreg");
    }

    [Fact]
    public void Predict_Output_NotWritable_OrExisting_IsNeverTouched()
    {
        using var dir = new TempDir();
        string existing = dir.Write("p.csv", "precious");
        var r = CliRunner.Run("predict", "--model", yacht.Model, "--data", yacht.TestCsv, "--out", existing);
        AssertUserError(r, "p.csv", "already exists", "--force");
        Assert.Equal("", r.Out);
        Assert.Equal("precious", File.ReadAllText(existing));
        AssertUserError(CliRunner.Run("predict", "--model", yacht.Model, "--data", yacht.TestCsv, "--out", Path.Combine(dir.FullPath, "missing", "p.csv")), "does not exist");
        AssertUserError(CliRunner.Run("predict", "--model", yacht.Model, "--data", yacht.TestCsv, "--out", dir.FullPath), "is a folder");

        // a failure after the output check (bad data) leaves the existing file alone, even with --force
        string bad = dir.Write("bad.csv", "x0,x1,x2,x3,x4,x5\n1,2,3,4,5,abc\n");
        AssertUserError(CliRunner.Run("predict", "--model", yacht.Model, "--data", bad, "--out", existing, "--force"), "bad.csv", "'abc'", "x5");
        Assert.Equal("precious", File.ReadAllText(existing));
        Assert.Equal(["bad.csv", "p.csv"], Directory.GetFiles(dir.FullPath).Select(Path.GetFileName).Order()); // no temp files left
        Assert.True(CliRunner.Run("predict", "--model", yacht.Model, "--data", yacht.TestCsv, "--out", existing, "--force").Item1 == 0);
        Assert.StartsWith("row,mean,median,std", File.ReadAllText(existing));
    }

    [Fact]
    public void Predict_ColumnsThatDoNotMatchTheModel_AreNamed()
    {
        using var dir = new TempDir();
        string missing = dir.Write("missing.csv", "x0,x1,x2,x3,x5,y\n1,2,3,4,5,6\n");
        AssertUserError(CliRunner.Run("predict", "--model", yacht.Model, "--data", missing), "missing column(s) 'x4'");
        string extra = dir.Write("extra.csv", "x0,x1,x2,x3,x4,x5,colour,y\n1,2,3,4,5,6,red,7\n");
        AssertUserError(CliRunner.Run("predict", "--model", yacht.Model, "--data", extra), "unexpected column(s) 'colour', 'y'");
        // the target named explicitly is dropped; --drop takes care of the rest
        Assert.Equal(0, CliRunner.Run("predict", "--model", yacht.Model, "--data", extra, "--target", "y", "--drop", "colour").Item1);
        AssertUserError(CliRunner.Run("evaluate", "--model", yacht.Model, "--data", extra), "cannot tell which column is the target", "'colour', 'y'");
        AssertUserError(CliRunner.Run("predict", "--model", yacht.Model, "--data", extra, "--drop", "nosuch"), "'nosuch'", "Columns found");
    }

    [Theory]
    [InlineData("--quantiles", "0.5,1.5", "'1.5' is not a level in (0, 1)")]
    [InlineData("--quantiles", "abc", "'abc' is not a level")]
    [InlineData("--samples", "0", "--samples 0")]
    [InlineData("--split", "1", "apply to uci:DIR data only")]
    public void Predict_BadOptions(string option, string value, string expected)
    {
        AssertUserError(CliRunner.Run("predict", "--model", yacht.Model, "--data", yacht.TestCsv, option, value), expected);
    }

    [Fact]
    public void Predict_EmptyParquetAndJsonLines()
    {
        using var dir = new TempDir();
        AssertUserError(CliRunner.Run("predict", "--model", yacht.Model, "--data", dir.Write("e.parquet", "")), "e.parquet", "empty file");
        AssertUserError(CliRunner.Run("predict", "--model", yacht.Model, "--data", dir.Write("junk.parquet", "not parquet at all")), "junk.parquet", "not a readable Parquet file");
        AssertUserError(CliRunner.Run("predict", "--model", yacht.Model, "--data", dir.Write("e.jsonl", "\n")), "e.jsonl", "empty file");
    }
}
