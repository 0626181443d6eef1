using System.Text.Json;
using DecoReg.Tests.Data;

namespace DecoReg.Tests.Cli;

/// <summary>calibrate → predict --interval / --max-width / --coverage-target → evaluate through the real command line, and its user errors.</summary>
public class CalibrateCliTests(YachtModelFixture yacht) : IClassFixture<YachtModelFixture>
{
    [Fact]
    public void CalibrateThenPredictAndEvaluateUseTheConformalIntervals()
    {
        using var dir = new TempDir();
        string calibrated = Path.Combine(dir.FullPath, "cal.decoreg");
        // the fixture's training rows stand in for held-out rows here: this checks the plumbing, not the guarantee
        var (code, output, err) = CliRunner.Run("calibrate", "--model", yacht.Model, "--data", yacht.TrainCsv, "--target", "y", "--out", calibrated);
        Assert.True(code == 0, err);
        Assert.Contains("coverage after (in-sample)", output);
        Assert.Contains("90 %", output);
        Assert.Matches(@"abstention score \(predict --coverage-target\): (std|width90|iqr|entropy|disagreement), the best at ranking", output);

        (code, output, err) = CliRunner.Run("predict", "--model", calibrated, "--data", yacht.TestCsv, "--interval", "0.9", "--max-width", "5", "--coverage-target", "0.9");
        Assert.True(code == 0, err);
        var (header, rows) = CliRunner.ReadCsv(output);
        Assert.Equal(["row", "mean", "median", "std", "q0.05", "q0.5", "q0.95", "lower0.9", "upper0.9", "abstain"], header);
        Assert.Equal(yacht.TestRows, rows.Length);
        Assert.All(rows, r => Assert.True(r[7] <= r[8] && (r[9] == 0 || r[9] == 1)));
        Assert.All(rows.Where(r => r[8] - r[7] > 5), r => Assert.Equal(1, r[9]));

        (code, output, err) = CliRunner.Run("evaluate", "--model", calibrated, "--data", yacht.TestCsv, "--json");
        Assert.True(code == 0, err);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        foreach (var key in new[] { "rows", "rmse", "nll", "crps", "coverage", "interval_width", "aurc", "coverage_uncalibrated", "interval_width_uncalibrated" })
            Assert.True(root.TryGetProperty(key, out _), key);
        Assert.True(root.GetProperty("calibrated").GetBoolean());
        Assert.Equal("cqr", root.GetProperty("calibration_method").GetString());
        Assert.True(root.GetProperty("aurc").GetProperty("oracle").GetDouble() <= root.GetProperty("aurc").GetProperty("std").GetDouble());

        (code, output, err) = CliRunner.Run("evaluate", "--model", calibrated, "--data", yacht.TestCsv, "--plots", Path.Combine(dir.FullPath, "plots"));
        Assert.True(code == 0, err);
        Assert.True(File.Exists(Path.Combine(dir.FullPath, "plots", "coverage-calibrated.png")));
        Assert.True(File.Exists(Path.Combine(dir.FullPath, "plots", "risk-coverage.png")));
        Assert.Contains("coverage before calibration", output);
    }

    [Fact]
    public void TheDefaultCqrRefusesALevelOffItsGridWhilePitServesIt()
    {
        using var dir = new TempDir();
        string cqr = Path.Combine(dir.FullPath, "cqr.decoreg"), pit = Path.Combine(dir.FullPath, "pit.decoreg");
        var (code, output, err) = CliRunner.Run("calibrate", "--model", yacht.Model, "--data", yacht.TrainCsv, "--target", "y", "--out", cqr);
        Assert.True(code == 0, err);
        Assert.Contains("cqr", output);
        (code, _, err) = CliRunner.Run("predict", "--model", cqr, "--data", yacht.TestCsv, "--interval", "0.75");
        Assert.Equal(2, code);
        Assert.Contains("75 % interval is not among the levels", err);
        Assert.Contains("50, 60, 70, 80, 85, 90, 95, 98, 99 %", err);
        (code, _, err) = CliRunner.Run("evaluate", "--model", cqr, "--data", yacht.TestCsv, "--interval", "0.75");
        Assert.Equal(2, code);
        Assert.Contains("not among the levels", err);

        (code, output, err) = CliRunner.Run("calibrate", "--model", yacht.Model, "--data", yacht.TrainCsv, "--target", "y", "--out", pit, "--method", "pit");
        Assert.True(code == 0, err);
        Assert.Contains("pit", output);
        (code, output, err) = CliRunner.Run("predict", "--model", pit, "--data", yacht.TestCsv, "--interval", "0.75");
        Assert.True(code == 0, err);
        Assert.Equal(yacht.TestRows, CliRunner.ReadCsv(output).Rows.Length);

        (code, _, err) = CliRunner.Run("calibrate", "--model", yacht.Model, "--data", yacht.TrainCsv, "--target", "y", "--out", pit, "--force", "--method", "isotonic");
        Assert.Equal(2, code);
        Assert.Contains("--method", err);
    }

    [Fact]
    public void BadInputsExitWithCodeTwoAndAClearMessage()
    {
        using var dir = new TempDir();
        string outFile = Path.Combine(dir.FullPath, "cal.decoreg");
        string few = dir.Write("few.csv", string.Join('\n', File.ReadLines(yacht.TestCsv).Take(11)) + "\n"); // 10 rows
        var (code, _, err) = CliRunner.Run("calibrate", "--model", yacht.Model, "--data", few, "--target", "y", "--out", outFile);
        Assert.Equal(2, code);
        Assert.Contains("needs at least 19", err);
        Assert.False(File.Exists(outFile));

        (code, _, err) = CliRunner.Run("calibrate", "--model", yacht.Model, "--data", yacht.TrainCsv, "--target", "y");
        Assert.Equal(2, code);
        Assert.Contains("--force", err);

        (code, _, err) = CliRunner.Run("predict", "--model", yacht.Model, "--data", yacht.TestCsv, "--max-width", "0");
        Assert.Equal(2, code);
        Assert.Contains("--max-width", err);

        (code, _, err) = CliRunner.Run("predict", "--model", yacht.Model, "--data", yacht.TestCsv, "--interval", "1.5");
        Assert.Equal(2, code);
        Assert.Contains("outside (0, 1)", err);

        (code, _, err) = CliRunner.Run("predict", "--model", yacht.Model, "--data", yacht.TestCsv, "--coverage-target", "0");
        Assert.Equal(2, code);
        Assert.Contains("--coverage-target", err);
    }
}
