using System.Globalization;
using DecoReg.Data;
using DecoReg.Evaluation;
using DecoReg.Uncertainty;
using DecoReg.Tests.Cli;
using DecoReg.Tests.Data;
using DecoReg.Training;

namespace DecoReg.Tests.Uncertainty;

/// <summary>Label audits and batch acquisition: the rules on constructed inputs, and real runs on UCI data.</summary>
public class DecisionTests
{
    [Fact]
    public void Auroc_IsTheProbabilityAFlaggedRowOutscoresAnother()
    {
        Assert.Equal(1.0, LabelAudit.Auroc([0.1, 0.2, 0.9, 0.8], [false, false, true, true]));
        Assert.Equal(0.0, LabelAudit.Auroc([0.9, 0.8, 0.1, 0.2], [false, false, true, true]));
        Assert.Equal(0.75, LabelAudit.Auroc([0.1, 0.5, 0.9, 0.3], [false, false, true, true]));   // 3 of 4 pairs
        Assert.Equal(0.5, LabelAudit.Auroc([1, 1, 1, 1], [false, true, false, true]));           // ties count half
        Assert.True(double.IsNaN(LabelAudit.Auroc([1, 2], [true, true])));
    }

    [Fact]
    public void LabelCorruption_MovesTheSeededFractionByThreeToSixDeviations()
    {
        var y = Enumerable.Range(0, 200).Select(i => (double)i).ToArray();
        double sd = Statistics.MeanAndStdDev(y).StdDev;
        var (labels, corrupted) = LabelCorruption.Inject(y, 0.05, 3);
        Assert.Equal(10, corrupted.Count(c => c));
        for (int i = 0; i < y.Length; i++)
        {
            double shift = Math.Abs(labels[i] - y[i]) / sd;
            if (corrupted[i]) Assert.InRange(shift, 3, 6); else Assert.Equal(0, shift);
        }
        Assert.Equal(labels, LabelCorruption.Inject(y, 0.05, 3).Labels);
    }

    [Fact]
    public void Acquisition_SpreadsTheBatchOverUncertainRegions()
    {
        // Two clusters: the most uncertain rows all sit in cluster A; a batch of 2 takes one from each.
        float[][] points = [[0, 0], [0.1f, 0], [0, 0.1f], [10, 10], [10.1f, 10], [5, 5]];
        double[] std = [9, 8, 7, 6, 5, 0.1];
        const AcquisitionMethod kCenter = AcquisitionMethod.Farthest;
        Assert.Equal([0, 3], Acquisition.Select(std, points, 2, candidateFactor: 2, method: kCenter));   // among the 4 most uncertain
        Assert.Equal([0, 1], Acquisition.Select(std, points, 2, candidateFactor: 1, method: kCenter));   // uncertainty alone
        Assert.Equal([0, 4], Acquisition.Select(std, points, 2, candidateFactor: 3, method: kCenter));   // the farthest of all 6
        // Rows near what is already labelled come last.
        Assert.Equal([3, 1], Acquisition.Select(std, points, 2, candidateFactor: 2, labelled: [[0, 0.05f]], method: kCenter));
    }

    [Fact]
    public void Acquisition_SamplesALargePoolUniformly_AndKeepsASmallOneWhole()
    {
        Assert.Equal(Enumerable.Range(0, 100), Acquisition.SamplePool(100, 2, 0));   // 50 × k rows: every row
        var sample = Acquisition.SamplePool(1000, 2, 7);
        Assert.Equal(100, sample.Length);
        Assert.Equal(sample.Order(), sample);
        Assert.Equal(100, sample.Distinct().Count());
        Assert.All(sample, r => Assert.InRange(r, 0, 999));
        Assert.Equal(sample, Acquisition.SamplePool(1000, 2, 7));
        Assert.NotEqual(sample, Acquisition.SamplePool(1000, 2, 8));
        // Every row is drawn with probability 100 / 1000: 2,000 samples take each row 200 ± 13.4 times.
        var counts = new int[1000];
        for (int seed = 0; seed < 2000; seed++)
            foreach (int r in Acquisition.SamplePool(1000, 2, seed)) counts[r]++;
        Assert.InRange(counts.Min(), 140, 200);
        Assert.InRange(counts.Max(), 200, 260);
        Assert.Throws<DecoRegException>(() => Acquisition.SamplePool(10, 0, 0));
    }

    [Fact]
    public void Acquisition_LargestCluster_ServesADenseUncoveredRegionBeforeALoneOutlier()
    {
        // Labelled rows at (0,0) and (100,0); five candidates crowd around (3,0) (squared distance ≈ 9 each, 45 together),
        // one lone candidate sits at (100,5) (25). Greedy k-center takes the outlier; the largest cluster is the crowd.
        float[][] points = [[3, 0], [3, 0.1f], [3, -0.1f], [3.1f, 0], [2.9f, 0], [100, 5]];
        double[] u = [1, 1, 1, 1, 1, 1];
        float[][] labelled = [[0, 0], [100, 0]];
        Assert.Equal([5], Acquisition.Select(u, points, 1, candidateFactor: 6, labelled: labelled, method: AcquisitionMethod.Farthest));
        Assert.Equal([3, 5], Acquisition.Select(u, points, 2, candidateFactor: 6, labelled: labelled, method: AcquisitionMethod.LargestCluster));
        Assert.Equal(AcquisitionMethod.LargestCluster, Acquisition.DefaultMethod);
        Assert.Equal([3, 5], Acquisition.Select(u, points, 2, labelled: labelled));   // the default: LCMD over every row (factor 50)
        // Without labelled rows the first pick is the most uncertain, as for k-center.
        Assert.Equal(0, Acquisition.Select([2, 1, 1, 1, 1, 1], points, 2, candidateFactor: 6, method: AcquisitionMethod.LargestCluster)[0]);
    }

    [Fact]
    public void Audit_FindsInjectedErrors_OnRealData()
    {
        var (train, _) = UciDataset.LoadSplit(TestData.Path("uci", "yacht"), 0);
        var (labels, corrupted) = LabelCorruption.Inject(train.Targets, 0.05, 11);
        var options = new RegressorOptions { Training = new TrainingOptions { Epochs = 40, Patience = 10 } };
        var fit = CrossFitting.Run(train with { Targets = labels }, options, folds: 3);
        Assert.Equal([0, 1, 2], fit.Folds.Distinct().Order());
        var ranked = LabelAudit.Rank(fit.Distributions, labels, fit.LogLikelihoods);
        double auroc = LabelAudit.Auroc(ranked.OrderBy(r => r.Row).Select(r => r.Score).ToArray(), corrupted);
        Assert.True(auroc > 0.9, $"AUROC {auroc:F3}");
        Assert.True(corrupted[ranked[0].Row], "the least plausible label is an injected error");
    }

    [Fact]
    public void AuditAndAcquire_ThroughTheCommandLine()
    {
        using var dir = new TempDir();
        var (train, test) = UciDataset.LoadSplit(TestData.Path("uci", "yacht"), 0);
        var (labels, corrupted) = LabelCorruption.Inject(train.Targets, 0.05, 5);
        string data = CliRunner.WriteCsv(train with { Targets = labels }, Path.Combine(dir.FullPath, "labelled.csv"));
        string audit = Path.Combine(dir.FullPath, "audit.csv"), plot = Path.Combine(dir.FullPath, "audit.png");
        var (code, output, err) = CliRunner.Run("audit", "--data", data, "--target", "y", "--folds", "2", "--epochs", "30",
            "--out", audit, "--plot", plot, "--top", "3");
        Assert.True(code == 0, err);
        Assert.Contains("fold 2/2", output);
        Assert.Contains("least plausible labels", output);
        var lines = File.ReadAllLines(audit);
        Assert.Equal("row,label,median,q0.05,q0.95,pit,surprise,tail,score,fold", lines[0]);
        Assert.Equal(train.RowCount + 1, lines.Length);
        var scores = lines.Skip(1).Select(l => double.Parse(l.Split(',')[8], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        int topRow = int.Parse(lines[1].Split(',')[0], CultureInfo.InvariantCulture);   // 1-based CSV data row
        Assert.True(corrupted[topRow - 1], "the first row of the audit is an injected error");
        Assert.True(new FileInfo(plot).Length > 1000);

        // --id names the rows by a column's values; that column is left out of the features.
        string idColumn = train.Features.Columns[0];
        string byId = Path.Combine(dir.FullPath, "audit-id.csv");
        (code, _, err) = CliRunner.Run("audit", "--data", data, "--target", "y", "--folds", "2", "--epochs", "5", "--id", idColumn, "--out", byId);
        Assert.True(code == 0, err);
        var idLines = File.ReadAllLines(byId);
        Assert.StartsWith(idColumn + ",label,", idLines[0]);
        Assert.Equal(train.RowCount + 1, idLines.Length);
        var knownIds = Enumerable.Range(0, train.RowCount).Select(r => train.Features.Cell(r, 0)).ToHashSet();
        Assert.All(idLines.Skip(1), l => Assert.Contains(l.Split(',')[0], knownIds));

        string pool = CliRunner.WriteCsv(test, Path.Combine(dir.FullPath, "pool.csv"));
        string next = Path.Combine(dir.FullPath, "next.csv");
        (code, _, err) = CliRunner.Run("acquire", "--model", DecoReg.Tests.Server.TestServer.FixturePath, "--pool", pool, "--k", "5", "--out", next);   // --k as the issue writes it
        Assert.True(code == 0, err);
        var picked = File.ReadAllLines(next).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(5, picked.Length);
        Assert.Equal(5, picked.Select(p => p[0]).Distinct().Count());
        Assert.Equal(["1", "2", "3", "4", "5"], picked.Select(p => p[1]));
        (code, _, err) = CliRunner.Run("acquire", "--model", DecoReg.Tests.Server.TestServer.FixturePath, "--pool", pool, "--k", "0");
        Assert.Equal(2, code);
        Assert.Contains("--k 0", err);
        (code, _, err) = CliRunner.Run("acquire", "--model", DecoReg.Tests.Server.TestServer.FixturePath, "--pool", pool, "-k", "2");
        Assert.True(code == 0, err);
        // The fixture is one network with one member: no disagreement to rank by (a clear error), std by default (above).
        Assert.Equal(["row", "pick", "median", "std"], File.ReadLines(next).First().Split(','));
        (code, _, err) = CliRunner.Run("acquire", "--model", DecoReg.Tests.Server.TestServer.FixturePath, "--pool", pool, "--score", "disagreement");
        Assert.Equal(2, code);
        Assert.Contains("one network with one member", err);
        (code, _, err) = CliRunner.Run("acquire", "--model", DecoReg.Tests.Server.TestServer.FixturePath, "--pool", pool, "--score", "variance");
        Assert.Equal(2, code);
        Assert.Contains("unknown confidence score 'variance' (expected std, width90, iqr, entropy, disagreement)", err);

        // A model with the table default (8 members) ranks by the members' disagreement and says so.
        string members = Path.Combine(dir.FullPath, "members.decoreg"), byMembers = Path.Combine(dir.FullPath, "next-members.csv");
        (code, _, err) = CliRunner.Run("train", "--data", data, "--target", "y", "--epochs", "3", "--model", members);
        Assert.True(code == 0, err);
        (code, _, err) = CliRunner.Run("acquire", "--model", members, "--pool", pool, "--k", "4", "--out", byMembers);
        Assert.True(code == 0, err);
        var rows = File.ReadAllLines(byMembers);
        Assert.Equal("row,pick,median,std,disagreement", rows[0]);
        Assert.Equal(5, rows.Length);
        Assert.All(rows.Skip(1), r => Assert.True(double.Parse(r.Split(',')[4], CultureInfo.InvariantCulture) > 0));
        // The largest-cluster batch method: the same columns, distinct rows; an unknown method is a clear error.
        (code, _, err) = CliRunner.Run("acquire", "--model", members, "--pool", pool, "--k", "4", "--method", "cluster", "--out", byMembers, "--force");
        Assert.True(code == 0, err);
        var clustered = File.ReadAllLines(byMembers);
        Assert.Equal(rows[0], clustered[0]);
        Assert.Equal(4, clustered.Skip(1).Select(r => r.Split(',')[0]).Distinct().Count());
        // A pool above 50 × k rows is sampled down, the same sample for the same seed; --labelled rows count as picked.
        string big = Path.Combine(dir.FullPath, "next-big.csv");
        string[] bigArgs = ["acquire", "--model", members, "--pool", data, "--k", "2", "--labelled", pool, "--out", big, "--force"];
        (code, output, err) = CliRunner.Run(bigArgs);
        Assert.True(code == 0, err);
        Assert.Contains($"pool: {train.RowCount} rows, sampled down to 100 (50 x k; --seed 0)", output);
        var bigPicks = File.ReadAllLines(big);
        Assert.Equal(3, bigPicks.Length);
        Assert.All(bigPicks.Skip(1), r => Assert.InRange(int.Parse(r.Split(',')[0], CultureInfo.InvariantCulture), 1, train.RowCount));
        (code, _, err) = CliRunner.Run(bigArgs);
        Assert.True(code == 0, err);
        Assert.Equal(bigPicks, File.ReadAllLines(big));
        (code, _, err) = CliRunner.Run("acquire", "--model", members, "--pool", pool, "--method", "kmeans");
        Assert.Equal(2, code);
        Assert.Contains("--method 'kmeans': expected farthest or cluster", err);
    }
}
