using System.Text.Json;
using DecoReg.Tests.Data;

namespace DecoReg.Tests.Cli;

/// <summary>Text input through the real command line, on real Debian package records (JSON Lines).</summary>
public class TextInputCliTests
{
    private static string Slice(TempDir dir, string name, int skip, int take)
    {
        string path = Path.Combine(dir.FullPath, name);
        File.WriteAllLines(path, File.ReadLines(TestData.Path("text", "debian-packages", "train.jsonl")).Skip(skip).Take(take));
        return path;
    }

    [Fact]
    public void WholeRecordText_TrainPredictEvaluate()
    {
        using var dir = new TempDir();
        string train = Slice(dir, "train.jsonl", 0, 300), test = Slice(dir, "test.jsonl", 300, 40);
        string model = Path.Combine(dir.FullPath, "text.decoreg");
        var (code, output, err) = CliRunner.Run(["train", "--data", train, "--target", "installed_size_kib", "--input", "text",
            "--scaling", "quantile", "--max-tokens", "96", "--vocab-size", "512", "--model", model, .. CliRunner.Tiny]);
        Assert.True(code == 0, err);
        Assert.Contains("input: whole record as text (17 fields)", output);
        Assert.Matches(@"text: subword-bpe vocabulary of 512, \d+ tokens per row on average, \d+ training row\(s\) cut to 96 tokens", output);

        (code, output, err) = CliRunner.Run("evaluate", "--model", model, "--data", test, "--json");
        Assert.True(code == 0, err);
        using var json = JsonDocument.Parse(output);
        Assert.True(double.IsFinite(json.RootElement.GetProperty("spearman").GetDouble()));
        Assert.Equal(40, json.RootElement.GetProperty("rows").GetInt32());

        string predictions = Path.Combine(dir.FullPath, "p.csv");
        (code, _, err) = CliRunner.Run("predict", "--model", model, "--data", test, "--out", predictions);
        Assert.True(code == 0, err);
        Assert.Equal(41, File.ReadAllLines(predictions).Length);
    }

    [Fact]
    public void TableWithTextColumns_SummaryNamesEachColumnsKind()
    {
        using var dir = new TempDir();
        string train = Slice(dir, "train.jsonl", 0, 200);
        string model = Path.Combine(dir.FullPath, "mixed.decoreg");
        var (code, output, err) = CliRunner.Run(["train", "--data", train, "--target", "installed_size_kib", "--text", "package,version",
            "--drop", "source", "--max-tokens", "64", "--model", model, .. CliRunner.Tiny]);
        Assert.True(code == 0, err);
        Assert.Matches(@"categorical: [^;]*section", output);
        Assert.Matches(@"text: [^;]*package, version[^;]*long_description", output);
    }

    [Theory]
    [InlineData("--input", "words", "--input 'words': expected table or text")]
    [InlineData("--text", "readme", "text column 'readme' is not in the data")]
    [InlineData("--max-tokens", "0", "--max-tokens must be between 1 and 8192")]
    [InlineData("--ngram-buckets", "1", "--ngram-buckets must be 0 (no n-gram bag) or between 2 and 4194304 (got 1)")]
    [InlineData("--vocabulary", "/nonexistent/vocab.model", "file not found")]
    public void BadTextOptions_AreUserErrors(string flag, string value, string message)
    {
        using var dir = new TempDir();
        string train = Slice(dir, "train.jsonl", 0, 30);
        var (code, _, err) = CliRunner.Run(["train", "--data", train, "--target", "installed_size_kib", flag, value,
            "--model", Path.Combine(dir.FullPath, "m.decoreg"), .. CliRunner.Tiny]);
        Assert.Equal(2, code);
        Assert.Contains(message, err);
        Assert.False(File.Exists(Path.Combine(dir.FullPath, "m.decoreg")));
    }
}
