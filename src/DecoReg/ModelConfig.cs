using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DecoReg.Training;

namespace DecoReg;

/// <summary>
/// The JSON part of a model file: the options the user gave and what training learned, as two separate records.
/// Together with the weights this rebuilds the exact model. Files written before the split (one options record with
/// the fitted codec, temperature and ensemble size written into it, the scaler, schema and reports beside it) are
/// read by <see cref="LegacyModelConfig"/>.
/// </summary>
public sealed record ModelConfig(RegressorOptions Options, LearnedState Learned)
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads either layout; an unreadable configuration is a <see cref="DecoRegException"/> naming the path.</summary>
    public static ModelConfig FromJson(string json, string path)
    {
        try
        {
            var node = JsonNode.Parse(json) as JsonObject ?? throw new DecoRegException($"{path}: the model configuration is empty");
            KeepEarlierNetwork(node);
            if (!node.ContainsKey(nameof(Learned))) return LegacyModelConfig.Read(node);
            var config = node.Deserialize<ModelConfig>(Json) ?? throw new DecoRegException($"{path}: the model configuration is empty");
            return config.Options is null || config.Learned is null
                ? throw new DecoRegException($"{path}: the model configuration lacks its options or learned state")
                : config;
        }
        catch (JsonException e)
        {
            throw new DecoRegException($"{path}: the model configuration cannot be read ({e.Message})", e);
        }
    }

    /// <summary>
    /// Files written before the network had a backbone choice and members hold a one-member transformer: says so
    /// explicitly, so that the current defaults (which may differ) do not apply to them.
    /// </summary>
    private static void KeepEarlierNetwork(JsonObject node)
    {
        if (node["Options"] is not JsonObject options || options["Network"] is not JsonObject network) return;
        network.TryAdd(nameof(Model.TransformerOptions.Backbone), nameof(Model.BackboneKind.Transformer));
        network.TryAdd(nameof(Model.TransformerOptions.Members), 1);
    }
}
