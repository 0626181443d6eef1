using DecoReg.Baselines;
using DecoReg.Data;
using DecoReg.Inference;
using DecoReg.Training;

namespace DecoReg.Bench;

/// <summary>The decoding regressor seen as an <see cref="IBaseline"/>: predictions (exact enumeration unless told otherwise), teacher-forced NLL.</summary>
public sealed class DecodingRegressorBaseline(string name, DecodingRegressor model, PredictionOptions? prediction = null) : IBaseline
{
    public string Name { get; } = name;
    public DecodingRegressor Model { get; } = model;
    public TrainingReport? TrainingReport => Model.TrainingReport;

    /// <summary>The target scaling kept by <see cref="RegressorOptions.SelectScaling"/> (lower-case), or null when none was chosen.</summary>
    public string? Choice => Model.ScalingTrials.Count > 0 ? Model.Scaling.ToString().ToLowerInvariant() : null;

    public static DecodingRegressorBaseline Train(string name, Dataset train, Dataset? validation, RegressorOptions options,
        PredictionOptions? prediction = null) =>
        new(name, DecodingRegressor.Train(train, options, validation), prediction);

    public IReadOnlyList<Distribution> Predict(Table features) => Model.PredictBatch(features, prediction);

    public double[] LogLikelihood(Dataset data) => Model.LogLikelihood(data);

    public void Dispose() => Model.Dispose();
}
