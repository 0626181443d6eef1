using DecoReg.Training;

namespace DecoReg.Tests.Training;

/// <summary>The default schedule follows the data's size; given epochs and patience are kept; a real training uses it.</summary>
public class TrainingScheduleTests
{
    [Theory]
    [InlineData(250, 100, 20)]      // a small table: 4 steps per epoch, the most epochs
    [InlineData(7750, 25, 5)]       // power-plant's training rows: 122 steps per epoch, ⌈3000/122⌉ epochs
    [InlineData(37000, 8, 3)]       // protein: the fewest epochs, patience at least 3
    public void DefaultEpochsAndPatience_FollowTheRows(int rows, int epochs, int patience)
    {
        var resolved = new TrainingOptions().Resolve(rows);
        Assert.Equal((epochs, patience), (resolved.Epochs, resolved.Patience));
    }

    [Fact]
    public void GivenEpochsAndPatience_AreKept_AndNegativeOnesRefused()
    {
        var given = new TrainingOptions { Epochs = 7, Patience = 2 };
        var resolved = given.Resolve(100_000);
        Assert.Equal((7, 2), (resolved.Epochs, resolved.Patience));
        Assert.Equal((64, 1e-3), (resolved.BatchSize, resolved.LearningRate));   // batch and rate by default
        var givenBatch = new TrainingOptions { BatchSize = 32, LearningRate = 5e-4 }.Resolve(10);
        Assert.Equal((32, 5e-4), (givenBatch.BatchSize, givenBatch.LearningRate));
        Assert.Equal(35, new TrainingOptions { Epochs = 35 }.Resolve(10).Patience * 5);
        Assert.Contains("epochs", Assert.Throws<DecoRegException>(() => new TrainingOptions { Epochs = -1 }.Validate()).Message);
        Assert.Contains("patience", Assert.Throws<DecoRegException>(() => new TrainingOptions { Patience = -1 }.Validate()).Message);
    }

    [Fact]
    public void ATrainingWithDefaults_RunsTheResolvedSchedule()
    {
        var train = SyntheticData.Make("schedule", 300, seed: 3, (x, _) => 2 * x);
        using var model = DecodingRegressor.Train(train, new RegressorOptions { Training = new TrainingOptions { Patience = 4 }, Threads = 1 });
        var report = model.TrainingReport!;
        // 270 training rows (10 % held out) in batches of 64: 5 steps per epoch, so the default is the most epochs.
        Assert.NotEmpty(report.History);   // 0 epochs left unresolved would train none and pass the line below vacuously
        Assert.All(report.History, p => Assert.Equal(TrainingOptions.MaxAutoEpochs, p.MaxEpochs));
        Assert.True(report.History.Count <= TrainingOptions.MaxAutoEpochs);
    }
}
