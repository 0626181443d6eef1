using DecoReg.Data;
using DecoReg.Tests.Data;

namespace DecoReg.Tests.Cli;

/// <summary>
/// Columns dropped in training (<c>--drop id</c>) are recorded in the model file and dropped again at predict and
/// evaluate when the data has them; other unknown columns stay a clear user error with the hint to drop them; and
/// <c>--valid</c> is refused with uci: data instead of early-stopping on the split's test rows.
/// </summary>
public class RecordedColumnsTests
{
    [Fact]
    public void DroppedColumns_AreDroppedAgain_AtPredictAndEvaluate()
    {
        using var dir = new TempDir();
        var (train, test) = UciDataset.LoadSplit(TestData.Path("uci", "yacht"), 0);
        string trainCsv = WithIds(train, Path.Combine(dir.FullPath, "train.csv"));
        string testCsv = WithIds(test, Path.Combine(dir.FullPath, "test.csv"));
        string model = Path.Combine(dir.FullPath, "m.decoreg");

        var trained = CliRunner.Run(["train", "--data", trainCsv, "--target", "y", "--drop", "id", .. CliRunner.Tiny, "--model", model]);
        Assert.True(trained.Code == 0, trained.Err);
        using (var loaded = DecodingRegressor.Load(model)) Assert.Equal(["id"], loaded.Learned.DroppedColumns);

        var evaluated = CliRunner.Run("evaluate", "--model", model, "--data", testCsv, "--json");
        Assert.True(evaluated.Code == 0, evaluated.Err);
        var predicted = CliRunner.Run("predict", "--model", model, "--data", testCsv, "--out", Path.Combine(dir.FullPath, "p.csv"));
        Assert.True(predicted.Code == 0, predicted.Err);

        string extra = Path.Combine(dir.FullPath, "extra.csv");
        File.WriteAllLines(extra, File.ReadAllLines(testCsv).Select((l, i) => l + (i == 0 ? ",colour" : ",red")));
        var refused = CliRunner.Run("predict", "--model", model, "--data", extra, "--target", "y");
        Assert.Equal(2, refused.Code);
        Assert.Contains("unexpected column(s) 'colour'", refused.Err);
        Assert.Contains("--drop", refused.Err);
    }

    [Fact]
    public void Valid_WithUciData_IsRefused()
    {
        using var dir = new TempDir();
        string uci = CliRunner.Uci("yacht");
        var r = CliRunner.Run(["train", "--data", uci, "--valid", uci, .. CliRunner.Tiny, "--model", Path.Combine(dir.FullPath, "m.decoreg")]);
        Assert.Equal(2, r.Code);
        Assert.Contains("--valid", r.Err);
        Assert.Contains("test rows", r.Err);
        Assert.False(File.Exists(Path.Combine(dir.FullPath, "m.decoreg")));
    }

    /// <summary>The dataset as CSV with an id column first (x0..x5, y as in the source).</summary>
    private static string WithIds(Dataset data, string path)
    {
        CliRunner.WriteCsv(data, path);
        var lines = File.ReadAllLines(path);
        File.WriteAllLines(path, lines.Select((l, i) => (i == 0 ? "id" : $"r{i}") + "," + l));
        return path;
    }
}
