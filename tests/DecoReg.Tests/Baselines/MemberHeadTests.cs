using DecoReg.Baselines;
using DecoReg.Evaluation;
using DecoReg.Model;
using DecoReg.Training;

namespace DecoReg.Tests.Baselines;

/// <summary>
/// The density heads on DecoReg's default backbone (TabM's MLP with members): each member trained on every row, the
/// prediction and the likelihood the equal-weight mixture of the members' distributions, and the large-table recipe
/// taken from <see cref="LargeTables"/> as the regressor takes it (the histogram and MDN heads on the MLP are
/// <see cref="BaselineHeadTests"/>' theories).
/// </summary>
public class MemberHeadTests
{
    private static readonly DecoReg.Data.Dataset Train = BaselineHeadTests.Train;
    private static readonly DecoReg.Data.Dataset Test = BaselineHeadTests.Test;

    [Fact]
    public void Gaussian_OnTheMlp_IsTheMixtureOfItsMembers()
    {
        using var model = GaussianBaseline.Train(Train, null, Synthetic.MlpOptions);
        Assert.Equal(4, model.Members);
        BaselineHeadTests.AssertBeatsTheMean(model);
        var (mean, sd) = model.PredictParameters(Test.Features);
        var ll = model.LogLikelihood(Test);
        var predictions = model.Predict(Test.Features);
        double gap = 0;
        int separated = 0;
        for (int i = 0; i < Test.RowCount; i++)
        {
            // The grid holds the exact mixture CDF at its edges: its mean and spread are the mixture's closed forms.
            Assert.Equal(mean[i], predictions[i].Mean, 1e-3 * sd[i]);
            Assert.Equal(sd[i], Math.Sqrt(predictions[i].Variance), 1e-2 * sd[i]);
            gap += Math.Abs(predictions[i].LogDensity(Test.Targets[i]) - ll[i]) / Test.RowCount;
            // One Gaussian with the mixture's moments is not the mixture: the members differ, so the densities do too.
            if (Math.Abs(Scoring.GaussianLogDensity(mean[i], sd[i], Test.Targets[i]) - ll[i]) > 1e-6) separated++;
        }
        Assert.True(gap < 0.01, $"mean |grid log-density − exact mixture| = {gap}");
        Assert.True(separated > Test.RowCount / 2, $"only {separated} rows tell the mixture from one Gaussian: the members did not differ");
    }

    [Fact]
    public void AHeadOnALargeTable_TakesTheRegressorsLargeTableMembers()
    {
        // 5,600 rows leave 5,040 after the 10 % hold-out: a large table.
        var large = Synthetic.Make(5600, seed: 3);
        var options = Synthetic.MlpOptions with
        {
            Network = Synthetic.MlpOptions.Network with { Members = 0 },
            Training = Synthetic.MlpOptions.Training with { Epochs = 1, BatchSize = 0 },
        };
        using var model = GaussianBaseline.Train(large, null, options);
        Assert.Equal(LargeTables.Members, model.Members);
        using var small = GaussianBaseline.Train(Train, null, options);
        Assert.Equal(TransformerOptions.DefaultMlpMembers, small.Members);
        using var transformer = GaussianBaseline.Train(Train, null, Synthetic.Options with { Training = options.Training });
        Assert.Equal(1, transformer.Members);
    }

    [Fact]
    public void LargeTableRecipe_KeepsWhatTheUserSet()
    {
        var (network, training) = LargeTables.Recipe(new TransformerOptions(), new TrainingOptions(), 8000);
        Assert.Equal((LargeTables.Members, LargeTables.BatchSize), (network.Members, training.BatchSize));
        Assert.Equal(TrainingOptions.AutoEpochs(8000, LargeTables.BatchSize, LargeTables.StepBudget), training.Epochs);
        var given = LargeTables.Recipe(new TransformerOptions { Members = 6 }, new TrainingOptions { BatchSize = 32, Epochs = 7 }, 8000);
        Assert.Equal((6, 32, 7), (given.Network.Members, given.Training.BatchSize, given.Training.Epochs));
        var below = LargeTables.Recipe(new TransformerOptions(), new TrainingOptions(), LargeTables.Rows - 1);
        Assert.Equal((0, 0, 0), (below.Network.Members, below.Training.BatchSize, below.Training.Epochs));
    }
}
