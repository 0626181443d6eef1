using DecoReg.Data;
using DecoReg.Model;
using DecoReg.Tests.Data;
using DecoReg.Training;
using DecoReg.Uncertainty;

namespace DecoReg.Tests.Uncertainty;

/// <summary>
/// A small real check: a briefly trained model on UCI concrete (split 0), calibrated on a quarter of its training rows
/// by CQR (the default) and by centred PIT, covers the test rows near the nominal level; each calibration survives a
/// save and load (CQR refusing a level off its grid, PIT serving it), the uncalibrated model is left as it was, and the
/// risk–coverage figures are computed.
/// </summary>
public class CalibrationOnRealDataTests
{
    [Fact]
    public void CalibratedConcreteModelCoversTestRowsAndRoundTrips()
    {
        var (train, test) = UciDataset.LoadSplit(TestData.Path("uci", "concrete"), 0);
        var (proper, calibration) = Splits.TrainValid(train, 0.25, seed: 11);
        using var model = DecodingRegressor.Train(proper, new RegressorOptions
        {
            Network = new TransformerOptions { ModelDim = 32, Heads = 2, FeedForwardDim = 64 },
            Training = new TrainingOptions { Epochs = 12 },
        });
        var predictions = model.PredictBatch(test.Features);
        using var dir = new TempDir();
        foreach (var method in new[] { ConformalMethod.Cqr, ConformalMethod.Pit })
        {
            using var calibrated = method == ConformalMethod.Cqr ? model.Calibrate(calibration) : model.Calibrate(calibration, method: method);
            Assert.Null(model.Calibration);
            Assert.Equal(method, calibrated.Calibration!.Method);
            Assert.Equal(calibration.RowCount, calibrated.Calibration.Rows);

            var intervals = calibrated.Intervals(predictions, 0.9);
            double coverage = intervals.Select((iv, i) => iv.Contains(test.Targets[i]) ? 1.0 : 0.0).Average();
            Assert.InRange(coverage, 0.8, 0.98); // 103 test rows: 0.9 ± 3 s.e.
            Assert.All(intervals, iv => Assert.True(double.IsFinite(iv.Width) && iv.Width > 0));

            string path = Path.Combine(dir.FullPath, $"calibrated-{method}.decoreg");
            calibrated.Save(path);
            using var loaded = DecodingRegressor.Load(path);
            Assert.Equal(method, loaded.Calibration!.Method);
            Assert.Equal(calibrated.Calibration.Pits, loaded.Calibration.Pits);
            Assert.Equal(intervals, loaded.Intervals(loaded.PredictBatch(test.Features), 0.9));
            if (method == ConformalMethod.Cqr)
                Assert.Contains("not among the levels", Assert.Throws<DecoRegException>(() => loaded.Intervals(predictions, 0.75)).Message);
            else
                Assert.Equal(predictions.Count, loaded.Intervals(predictions, 0.75).Length);
        }

        var aurc = SelectiveRegression.Aurc(predictions, test.Targets);
        Assert.All(aurc.Values, v => Assert.True(double.IsFinite(v) && v >= 0));
        Assert.All(ConfidenceScores.All, s => Assert.True(aurc["oracle"] <= aurc[ConfidenceScores.Name(s)]));
        var oracle = SelectiveRegression.Oracle(predictions, test.Targets);
        Assert.True(oracle.Risk.Zip(oracle.Risk.Skip(1)).All(p => p.First <= p.Second + 1e-9));
        Assert.Equal(aurc["random"], oracle.FullRisk, 9);
    }
}
