using System.Text.Json;
using System.Text.Json.Nodes;
using DecoReg.Inputs;
using DecoReg.Training;

namespace DecoReg;

/// <summary>
/// Reads the configuration of model files written before options and learned state were separate records: the
/// options then held the fitted codec, the calibration temperature and the trained network count, and named the
/// scaling used; scaler, schema, target column and reports sat beside them.
/// </summary>
internal sealed record LegacyModelConfig(RegressorOptions Options, TargetScaler Scaler, ColumnSchema Schema, string? TargetColumn = null,
    TrainingReport? Training = null, IReadOnlyList<TrainingReport>? MemberTraining = null,
    IReadOnlyList<ScalingTrial>? ScalingTrials = null)
{
    public static ModelConfig Read(JsonObject node)
    {
        var old = node.Deserialize<LegacyModelConfig>(ModelConfig.Json) ?? throw new JsonException("empty configuration");
        if (old.Options is null || old.Scaler is null || old.Schema is null) throw new JsonException("options, scaler or schema missing");
        var options = node[nameof(Options)]!.AsObject();
        double temperature = options["Temperature"]?.GetValue<double>() ?? 1.0;
        var reports = old.MemberTraining ?? (old.Training is { } report ? [report] : []);
        var learned = new LearnedState(old.Options.Codec ?? DefaultCodec.Coarse, old.Options.Scaling, old.Scaler, old.Schema, old.Options.EnsembleSize, reports)
        {
            Temperature = temperature,
            ScalingTrials = old.ScalingTrials ?? [],
            TargetColumn = old.TargetColumn,
        };
        var user = old.Options with { SelectScaling = learned.ScalingTrials.Count > 0 };
        if (user.SelectScaling == true) user = user with { Scaling = TargetScaling.Auto };
        return new ModelConfig(user, learned);
    }
}
