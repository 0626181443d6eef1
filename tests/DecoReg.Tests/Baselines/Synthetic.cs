using System.Globalization;
using DecoReg.Baselines;
using DecoReg.Data;
using DecoReg.Model;
using DecoReg.Training;

namespace DecoReg.Tests.Baselines;

/// <summary>A seeded 1-D regression problem y = 2·sin(3x) + x + N(0, 0.2²), x ~ U(−1, 1), and tiny training settings.</summary>
internal static class Synthetic
{
    public static Dataset Make(int rows, int seed) =>
        SyntheticData.Make("synthetic", rows, seed, (x, rng) => 2 * Math.Sin(3 * x) + x + 0.2 * SyntheticData.Gaussian(rng));

    public static BaselineOptions Options { get; } = new()
    {
        Network = new TransformerOptions { Backbone = BackboneKind.Transformer, ModelDim = 32, Heads = 2, EncoderLayers = 1, DecoderLayers = 1, FeedForwardDim = 64, Dropout = 0 },
        Training = new TrainingOptions { Epochs = 60, BatchSize = 32, LearningRate = 5e-3, Patience = 60 },
    };

    /// <summary>The same settings on DecoReg's default backbone: TabM's MLP with 4 members.</summary>
    public static BaselineOptions MlpOptions { get; } = Options with
    {
        Network = new TransformerOptions { Backbone = BackboneKind.Mlp, Members = 4, ModelDim = 32, MlpWidth = 64, Dropout = 0 },
    };

    /// <summary>RMSE of predicting the training mean, and the NLL of the marginal Gaussian N(mean, sd²) fitted to training targets.</summary>
    public static (double Rmse, double Nll) PredictTheMean(Dataset train, Dataset test)
    {
        double mean = train.Targets.Average();
        double sd = Math.Sqrt(train.Targets.Average(v => (v - mean) * (v - mean)));
        double rmse = Math.Sqrt(test.Targets.Average(v => (v - mean) * (v - mean)));
        double nll = -test.Targets.Average(v => DecoReg.Evaluation.Scoring.GaussianLogDensity(mean, sd, v));
        return (rmse, nll);
    }
}
