using System.Text.Json;
using System.Text.Json.Serialization;
using DecoReg.Inputs;
using DecoReg.Numbers;
using DecoReg.Training;

namespace DecoReg.Persistence;

/// <summary>
/// The JSON part of a model file: the options the model was built with (codec already fitted), the fitted target
/// scaler, the input column schema, the name of the target column (when it came from a named column) and the
/// training report (per-epoch losses, for training-curve plots of a loaded model; per network for an ensemble) and,
/// when the scaling was selected on the hold-out, the candidates' scores. Together with the weights this rebuilds the
/// exact model.
/// </summary>
public sealed record ModelConfig(RegressorOptions Options, TargetScaler Scaler, ColumnSchema Schema, string? TargetColumn = null,
    TrainingReport? Training = null, IReadOnlyList<TrainingReport>? MemberTraining = null,
    IReadOnlyList<ScalingTrial>? ScalingTrials = null)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ModelConfig FromJson(string json, string path)
    {
        try
        {
            return JsonSerializer.Deserialize<ModelConfig>(json, Json)
                ?? throw new DecoRegException($"{path}: the model configuration is empty");
        }
        catch (JsonException e)
        {
            throw new DecoRegException($"{path}: the model configuration cannot be read ({e.Message})", e);
        }
    }
}
