using DecoReg.Inference;
using DecoReg.Inputs;
using DecoReg.Numbers;

namespace DecoReg.Server;

/// <summary>A served model in the list of <c>GET /v1/models</c>.</summary>
public sealed record ModelSummary(string Name, string File, int Version, DateTimeOffset LoadedAt, string? Target, string Input, int Columns)
{
    internal static ModelSummary From(ServedModel m) =>
        new(m.Name, m.Path, m.Version, m.LoadedAt, m.Regressor.TargetColumn, InputDescription.ModeOf(m.Regressor), m.Regressor.Schema.Count);
}

/// <summary>
/// What <c>GET /v1/models/{name}</c> tells a client: the columns a row needs, how the target is written (codec and
/// scaling), how predictions are decoded, how training went, and for a multi-task model its task column and tasks
/// (send <c>"task"</c> in a predict request, or the task column in each row). The text vocabulary is left out (it can be large).
/// </summary>
public sealed record ModelDescription(
    string Name, string File, int Version, DateTimeOffset LoadedAt, string? Target, InputDescription Input,
    CodecOptions Codec, TargetScaling Scaling, int Members, double Temperature, PredictionOptions Decoding, TrainingDescription Training,
    string? TaskColumn = null, IReadOnlyList<string>? Tasks = null)
{
    internal static ModelDescription From(ServedModel m)
    {
        var r = m.Regressor;
        return new(m.Name, m.Path, m.Version, m.LoadedAt, r.TargetColumn, InputDescription.From(r), r.Learned.Codec, r.Scaling,
            r.Members, r.Learned.Temperature, r.Options.Prediction, TrainingDescription.From(r),
            r.Learned.TaskColumn, r.Tasks.Count > 0 ? r.Tasks : null);
    }
}

/// <summary>The input side: mode, feature columns (with categorical levels), text columns and the columns left out.</summary>
public sealed record InputDescription(string Mode, IReadOnlyList<ColumnDescription> Columns, IReadOnlyList<string>? TextColumns,
    int? MaxTextTokens, IReadOnlyList<string> DroppedColumns)
{
    /// <summary>"table", "text" (the whole record read as text: send its fields, or one field holding the record text) or "table+text".</summary>
    public static string ModeOf(DecodingRegressor r) => r.Learned.Text switch
    {
        null => "table",
        { TextColumns: null } => "text",
        _ => "table+text",
    };

    internal static InputDescription From(DecodingRegressor r) =>
        new(ModeOf(r), r.Schema.Columns.Select(c => new ColumnDescription(c.Name, c.Kind, c.Kind == ColumnKind.Categorical ? c.Levels : null)).ToArray(),
            r.Learned.Text?.TextColumns, r.Learned.Text?.MaxTokens, r.Learned.DroppedColumns);
}

/// <summary>A feature column: name, kind, and for a categorical column its known levels (others read as unseen).</summary>
public sealed record ColumnDescription(string Name, ColumnKind Kind, IReadOnlyList<string>? Levels);

/// <summary>Rows trained on and held out, and per network how training went.</summary>
public sealed record TrainingDescription(int TrainingRows, int ValidationRows, IReadOnlyList<NetworkTraining> Networks)
{
    internal static TrainingDescription From(DecodingRegressor r) =>
        new(r.Learned.TrainingRows, r.Learned.ValidationRows, r.MemberReports.Select(t =>
            new NetworkTraining(t.History.Count, t.BestEpoch, t.BestValidationLoss, t.StopReason, t.Elapsed.TotalSeconds)).ToArray());
}

/// <summary>One network's training: epochs run, the kept epoch and its hold-out loss, why it stopped, seconds taken.</summary>
public sealed record NetworkTraining(int Epochs, int BestEpoch, double BestValidationLoss, string StopReason, double Seconds);
