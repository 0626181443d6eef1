using DecoReg.Inputs;
using DecoReg.Numbers;
using DecoReg.Uncertainty;

namespace DecoReg.Training;

/// <summary>
/// What training learned, kept apart from the options the user gave (which are never rewritten): the codec as fitted
/// to the training targets (e.g. the IEEE exponent range), the scaling used and its fitted scaler, the input column
/// schema, the calibration temperature, how many networks were trained (fewer than asked when cancelled), each
/// network's training report, the hold-out scores of the scalings tried, the hold-out's row counts, the target
/// and dropped columns, and any conformal calibration (so prediction data of the training file's layout lines up). Stored in the model file.
/// </summary>
public sealed record LearnedState(
    CodecOptions Codec,
    TargetScaling Scaling,
    TargetScaler Scaler,
    ColumnSchema Schema,
    int Members,
    IReadOnlyList<TrainingReport> Reports)
{
    /// <summary>The text input (tokenizer, budget, text columns), or null when every column is numeric or categorical.</summary>
    public TextInput? Text { get; init; }

    /// <summary>Calibration temperature dividing every network's logits (1 = none).</summary>
    public double Temperature { get; init; } = 1.0;

    /// <summary>The candidates' hold-out scores when the scaling was selected (empty otherwise).</summary>
    public IReadOnlyList<ScalingTrial> ScalingTrials { get; init; } = [];

    /// <summary>The column the training targets came from, when known.</summary>
    public string? TargetColumn { get; init; }

    /// <summary>Columns of the training data left out of the features (e.g. an id), dropped again at prediction.</summary>
    public IReadOnlyList<string> DroppedColumns { get; init; } = [];

    /// <summary>Rows trained on and held out for early stopping (0 when unknown, e.g. for older model files).</summary>
    public int TrainingRows { get; init; }
    public int ValidationRows { get; init; }

    /// <summary>
    /// Members of each network's efficient ensemble as built (the default depends on the data size, see
    /// <see cref="LargeTables"/>, so the options alone do not say); 0 in files written before, whose networks follow the
    /// options.
    /// </summary>
    public int NetworkMembers { get; init; }

    /// <summary>
    /// Members that read each row in a training step (<see cref="TrainingOptions.MembersPerRow"/> as decided by data,
    /// <see cref="MemberSampling"/>); 0 = every member (and in model files written before it was recorded).
    /// </summary>
    public int MembersPerRow { get; init; }

    /// <summary>The network options the trained networks were built with: <paramref name="network"/> with <see cref="NetworkMembers"/> when recorded.</summary>
    public Model.TransformerOptions NetworkAsBuilt(Model.TransformerOptions network) =>
        NetworkMembers > 0 ? network with { Members = NetworkMembers } : network;

    /// <summary>
    /// For a multi-task model: the feature column naming each row's task (null for a single-task model), and each
    /// task's fitted scaler (<see cref="Scaler"/> is then the first task's). All tasks share <see cref="Codec"/>.
    /// </summary>
    public string? TaskColumn { get; init; }
    public IReadOnlyDictionary<string, TargetScaler> TaskScalers { get; init; } = new Dictionary<string, TargetScaler>();

    /// <summary>Training rows of each task (multi-task models; empty otherwise).</summary>
    public IReadOnlyDictionary<string, int> TaskRows { get; init; } = new Dictionary<string, int>();

    /// <summary>What the model was fine-tuned from and how (null for a model trained from scratch).</summary>
    public FineTuning? FineTuned { get; init; }

    /// <summary>Split-conformal calibration on held-out rows (null = uncalibrated: intervals are the model's own).</summary>
    public ConformalCalibration? Calibration { get; init; }

    /// <summary>The target path of every task this state describes.</summary>
    public TaskTargets Targets()
    {
        var codec = Codec.Create();
        return TaskColumn is null ? TaskTargets.Single(new TargetEncoding(codec, Scaler)) : TaskTargets.FromScalers(TaskColumn, codec, TaskScalers);
    }
}
