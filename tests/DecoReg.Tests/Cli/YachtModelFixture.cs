using DecoReg.Data;
using DecoReg.Tests.Data;

namespace DecoReg.Tests.Cli;

/// <summary>One tiny model trained once through <c>decoreg train</c> on UCI yacht split 0 (uci: form), plus the
/// split written as CSV files, shared by the predict / evaluate / error tests.</summary>
public sealed class YachtModelFixture : IDisposable
{
    public YachtModelFixture()
    {
        Dir = new TempDir();
        var (train, test) = UciDataset.LoadSplit(TestData.Path("uci", "yacht"), 0);
        TrainCsv = CliRunner.WriteCsv(train, Path.Combine(Dir.FullPath, "yacht-train.csv"));
        TestCsv = CliRunner.WriteCsv(test, Path.Combine(Dir.FullPath, "yacht-test.csv"));
        TestRows = test.RowCount;
        Model = Path.Combine(Dir.FullPath, "yacht.decoreg");
        var (code, output, err) = CliRunner.Run(["train", "--data", CliRunner.Uci("yacht"), "--split", "0", .. CliRunner.Tiny, "--model", Model]);
        if (code != 0) throw new InvalidOperationException($"fixture training failed ({code}): {err}\n{output}");
        TrainOutput = output;
    }

    public TempDir Dir { get; }
    public string TrainCsv { get; }
    public string TestCsv { get; }
    public int TestRows { get; }
    public string Model { get; }
    public string TrainOutput { get; }

    public void Dispose() => Dir.Dispose();
}
