using System.ComponentModel;
using Spectre.Console.Cli;

namespace DecoReg.Cli.Commands;

/// <summary>
/// The options of every command that trains models (train, pretrain, audit): codec, scaling, epochs, network size,
/// inputs. <see cref="TrainCommand.BuildOptions"/> turns them into <see cref="RegressorOptions"/>.
/// </summary>
public class TrainingSettings : CodecSettings
{
    [CommandOption("--valid-fraction <F>")]
    [Description("Fraction of the training rows held out for early stopping when --valid is not given. Default 0.1.")]
    public double? ValidFraction { get; init; }

    [CommandOption("--scaling <MODE>")]
    [Description("Target scaling: auto, minmax, standardize, signedlog, quantile (blend of the targets' empirical CDF and min-max: narrower bins where targets are dense) or select (start training with min-max and with quantile, compare their hold-out NLL after a quarter of the epochs, train the lower one on; about 1.25x the training time). Default auto: select for tables under 5,000 training rows read by the MLP backbone, the quantile warp for such tables from 5,000 rows and when some input is read as text, min-max otherwise; minmax: the codec's own scaling (min-max for the normalized codec), never selected.")]
    public string? Scaling { get; init; }

    [CommandOption("--epochs <N>")]
    [Description("Maximum number of epochs; the learning-rate schedule spans them. Default by data size: about 3,000 optimizer steps of 64 rows (tables of 5,000+ training rows: 5,000 steps of 128 rows), between 8 and 100 epochs (early stopping may end sooner); with --input text 8.")]
    public int? Epochs { get; init; }

    [CommandOption("--patience <N>")]
    [Description("Stop after N epochs without a better validation loss. Default a fifth of the epochs (at least 3).")]
    public int? Patience { get; init; }

    [CommandOption("--seed <S>")]
    [Description("Seed for initialization, shuffling, dropout and the validation hold-out. Default 0.")]
    public int? Seed { get; init; }

    [CommandOption("--time-limit <SECONDS>")]
    [Description("Stop training after this many seconds, keeping the best weights so far.")]
    public double? TimeLimit { get; init; }

    [CommandOption("--d-model <N>")]
    [Description("Transformer width (default 64; must be a multiple of the 4 attention heads).")]
    public int? ModelDim { get; init; }

    [CommandOption("--backbone <KIND>")]
    [Description("What reads the rows: mlp (TabM's MLP over the embedded columns, or over a text's n-gram bag alone, its members trained together), transformer (one token per column or text piece, attention between them) or auto. Default auto: mlp for tables of numeric and categorical columns, transformer when some input is text.")]
    public string? Backbone { get; init; }

    [CommandOption("--members <K>")]
    [Description("Members of the efficient ensemble inside the network: weights shared, each member scales the embedded row by its own vector, all trained in one pass; predictions mix the members' distributions (about K times the compute of one member). Default by backbone: 8 for mlp (4 for tables of 5,000+ training rows), 1 for transformer.")]
    public int? Members { get; init; }

    [CommandOption("--members-per-row <M>")]
    [Description("Members that read each row in a training step, drawn at random (a step costs about M/K of one with every member; evaluation and prediction always read all). Default by data: half of them for tables under 5,000 training rows read by the mlp backbone, all otherwise; K or more = all.")]
    public int? MembersPerRow { get; init; }

    [CommandOption("--ensemble <N>")]
    [Description("Train N networks from different seeds and predict with their mixture (N times the time; --time-limit applies to each network). Default 1.")]
    public int? Ensemble { get; init; }

    [CommandOption("--input <MODE>")]
    [Description("How rows are read: table (numeric and categorical columns as column tokens; text columns as subwords) or text (the whole record serialized as 'key: value' lines and read as text, RegressLM style). Default table.")]
    public string? Input { get; init; }

    [CommandOption("--text <COL>")]
    [Description("Read this column as text (repeatable or comma-separated), besides the string columns the text rule finds (many distinct values and long strings, or sentences). Table input only.")]
    public string[] Text { get; init; } = [];

    [CommandOption("--no-infer-text")]
    [Description("Read only the --text columns as text; every other string column stays categorical.")]
    public bool NoInferText { get; init; }

    [CommandOption("--max-tokens <N>")]
    [Description("Most text tokens per row (default 256); longer rows are cut, longest fields first, and the train summary counts them.")]
    public int? MaxTokens { get; init; }

    [CommandOption("--ngram-buckets <N>")]
    [Description("Hash buckets of the n-gram bag the decoder reads beside the text tokens (subwords, neighbouring pairs, field + subword; default 65536); 0 turns the bag off.")]
    public int? NgramBuckets { get; init; }

    [CommandOption("--vocab-size <N>")]
    [Description("Size of the subword vocabulary trained on the training texts (default 2048; digits are always single tokens, unseen characters fall back to bytes).")]
    public int? VocabSize { get; init; }

    [CommandOption("--vocabulary <FILE>")]
    [Description("Use an existing vocabulary instead of training one: a SentencePiece .model file, or a BPE vocab.json with --merges.")]
    public string? Vocabulary { get; init; }

    [CommandOption("--merges <FILE>")]
    [Description("The merges.txt that goes with a BPE --vocabulary vocab.json.")]
    public string? Merges { get; init; }
}
