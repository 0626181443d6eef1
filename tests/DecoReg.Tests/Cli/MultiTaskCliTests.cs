using System.Text.Json;
using DecoReg.Tests.Data;

namespace DecoReg.Tests.Cli;

/// <summary>pretrain → finetune → predict/evaluate through the real command line, on Debian package records by section.</summary>
public class MultiTaskCliTests
{
    /// <summary>The first <paramref name="take"/> training records of a section, as a JSON Lines file.</summary>
    private static string Section(TempDir dir, string section, int take, int skip = 0, string? name = null)
    {
        string path = Path.Combine(dir.FullPath, (name ?? section) + ".jsonl");
        File.WriteAllLines(path, File.ReadLines(TestData.Path("text", "debian-packages", "train.jsonl"))
            .Where(l => l.Contains($"\"section\": \"{section}\"", StringComparison.Ordinal) || l.Contains($"\"section\":\"{section}\"", StringComparison.Ordinal))
            .Skip(skip).Take(take));
        Assert.Equal(take, File.ReadAllLines(path).Length);
        return path;
    }

    [Fact]
    public void PretrainOnFiles_FineTuneOnANewFile_EvaluateWithTheTask()
    {
        using var dir = new TempDir();
        string libs = Section(dir, "libs", 120), doc = Section(dir, "doc", 120);
        string pre = Path.Combine(dir.FullPath, "pre.decoreg"), ft = Path.Combine(dir.FullPath, "ft.decoreg");
        string[] text = ["--target", "installed_size_kib", "--input", "text", "--max-tokens", "64", "--vocab-size", "400", "--epochs", "1", "--d-model", "16"];
        var (code, output, err) = CliRunner.Run(["pretrain", "--data", libs, "--data", doc, .. text, "--model", pre]);
        Assert.True(code == 0, err);
        Assert.Contains("task libs: 120 rows", output);
        Assert.Contains("tasks (column 'task')", output);

        // The pretrained model predicts for a task it knows, and names its tasks when asked for another.
        string probe = Section(dir, "libs", 30, skip: 120, name: "probe");
        (code, output, err) = CliRunner.Run("evaluate", "--model", pre, "--data", probe, "--task", "libs", "--json");
        Assert.True(code == 0, err);
        Assert.Equal(30, JsonDocument.Parse(output).RootElement.GetProperty("rows").GetInt32());
        (code, _, err) = CliRunner.Run("predict", "--model", pre, "--data", probe, "--task", "games");
        Assert.Equal(2, code);
        Assert.Contains("'games' is unknown to this model; it serves 'doc' and 'libs'", err);
        (code, _, err) = CliRunner.Run("predict", "--model", pre, "--data", probe);
        Assert.Equal(2, code);
        Assert.Contains("name the task (--task NAME)", err);

        // Fine-tune on a third section's file: the task is named after the file, the model file is ordinary.
        string games = Section(dir, "games", 60);
        (code, output, err) = CliRunner.Run("finetune", "--from", pre, "--data", games, "--epochs", "2", "--model", ft);
        Assert.True(code == 0, err);
        Assert.Contains("games", output);
        double temperature;
        using (var tuned = DecodingRegressor.Load(ft))
        {
            temperature = tuned.Learned.Temperature;   // fitted on the hold-out by default
            Assert.Equal(30, tuned.Learned.FineTuned!.Options.Training.TableLearningRateScale);   // the model file records how it was tuned
        }
        Assert.Contains(temperature, DecoReg.Training.TemperatureCalibration.Grid);
        Assert.Equal(temperature != 1.0, output.Contains("softmax temperature"));
        string test = Section(dir, "games", 20, skip: 60, name: "games-test");
        (code, output, err) = CliRunner.Run("evaluate", "--model", ft, "--data", test, "--json");
        Assert.True(code == 0, err);
        Assert.True(double.IsFinite(JsonDocument.Parse(output).RootElement.GetProperty("nll").GetDouble()));

        (code, _, err) = CliRunner.Run("finetune", "--from", pre, "--data", games, "--model", ft);
        Assert.Equal(2, code);
        Assert.Contains("--force", err);
        (code, _, err) = CliRunner.Run("finetune", "--from", pre, "--data", games, "--table-lr-scale", "0", "--model", ft, "--force");
        Assert.Equal(2, code);
        Assert.Contains("--table-lr-scale 0: expected a positive multiple", err);
        (code, output, err) = CliRunner.Run("finetune", "--from", pre, "--data", games, "--epochs", "2", "--no-temperature", "--table-lr-scale", "1", "--model", ft, "--force");
        Assert.True(code == 0, err);
        Assert.DoesNotContain("softmax temperature", output);
        using (var plain = DecodingRegressor.Load(ft))
        {
            Assert.Equal(1.0, plain.Learned.Temperature);
            Assert.Equal(1, plain.Learned.FineTuned!.Options.Training.TableLearningRateScale);
        }
    }

    [Fact]
    public void PretrainOnOneFile_NeedsATaskColumn_AndTasksOfTenRows()
    {
        using var dir = new TempDir();
        string libs = Section(dir, "libs", 40);
        var (code, _, err) = CliRunner.Run("pretrain", "--data", libs, "--target", "installed_size_kib", "--model", Path.Combine(dir.FullPath, "m.decoreg"));
        Assert.Equal(2, code);
        Assert.Contains("needs --task-column", err);
        string small = Section(dir, "games", 5);
        (code, _, err) = CliRunner.Run("pretrain", "--data", libs, "--data", small, "--target", "installed_size_kib", "--model", Path.Combine(dir.FullPath, "m.decoreg"));
        Assert.Equal(2, code);
        Assert.Contains("'games' (5 rows)", err);
        (code, _, err) = CliRunner.Run("train", "--data", libs, "--data", small, "--target", "installed_size_kib");
        Assert.Equal(2, code);
        Assert.Contains("--data given 2 times", err);
    }
}
