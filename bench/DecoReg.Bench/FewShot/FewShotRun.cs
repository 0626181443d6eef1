namespace DecoReg.Bench.FewShot;

/// <summary>
/// One few-shot run: a model (<see cref="Variant"/>) trained on <see cref="Size"/> rows of one held-out task with one
/// seed, scored on that task's test rows. NaN metrics and an <see cref="Error"/> when it failed.
/// </summary>
public sealed record FewShotRun(
    string Dataset, string Task, string Variant, int Size, int Seed, int TestRows,
    double Spearman, double Nll, double R2Log, double Coverage90, double Rmse,
    double TrainSeconds, int Epochs, string? Error = null)
{
    /// <summary>Fine-tuned from the pretrained model (every weight).</summary>
    public const string Pretrained = "pretrained";
    /// <summary>Trained from scratch on the same rows.</summary>
    public const string Scratch = "scratch";
    /// <summary>Fine-tuned from the pretrained model, decoder only.</summary>
    public const string PretrainedDecoder = "pretrained-decoder";
    /// <summary>Fine-tuned on all of the task's training rows (reference).</summary>
    public const string PretrainedAll = "pretrained-all";
    /// <summary>Trained from scratch on all of the task's training rows (reference).</summary>
    public const string ScratchAll = "scratch-all";

    public (string Dataset, string Task, string Variant, int Size, int Seed) Key => (Dataset, Task, Variant, Size, Seed);
}

/// <summary>What pretraining on one data set's other tasks used and took (recorded when the model was trained).</summary>
public sealed record FewShotPretraining(
    string Dataset, int Rows, int Tasks, int DroppedRows, IReadOnlyList<string> DroppedTasks, double Seconds, int Epochs,
    IReadOnlyDictionary<string, double>? TaskLosses);
