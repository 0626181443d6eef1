using DecoReg.Baselines;
using DecoReg.Data;
using DecoReg.Inference;
using DecoReg.Training;

namespace DecoReg.Bench;

/// <summary>The decoding regressor seen as an <see cref="IBaseline"/>: exact-enumeration predictions, teacher-forced NLL.</summary>
public sealed class DecodingRegressorBaseline(string name, DecodingRegressor model) : IBaseline
{
    public string Name { get; } = name;
    public DecodingRegressor Model { get; } = model;
    public TrainingReport? TrainingReport => Model.TrainingReport;

    public static DecodingRegressorBaseline Train(string name, Dataset train, Dataset? validation, RegressorOptions options) =>
        new(name, DecodingRegressor.Train(train, options, validation));

    public IReadOnlyList<Distribution> Predict(Table features) => Model.PredictBatch(features);

    public double[] LogLikelihood(Dataset data) => Model.LogLikelihood(data);

    public void Dispose() => Model.Dispose();
}
