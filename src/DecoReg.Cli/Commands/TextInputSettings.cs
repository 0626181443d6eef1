using DecoReg.Inputs;
using DecoReg.Inputs.Text;

namespace DecoReg.Cli.Commands;

/// <summary>Turns the train verb's text flags (--input, --text, --max-tokens, --vocab-size, --vocabulary) into <see cref="InputOptions"/>.</summary>
internal static class TextInputSettings
{
    /// <summary>
    /// Epochs for <c>--input text</c> when --epochs is not given: a 12k-row set of ~1 kB records trains in minutes on
    /// 2 cores (see bench/README.md, text suite); the table default (300, early stopping) would run for hours.
    /// </summary>
    public const int DefaultEpochs = 8;
    public const int DefaultPatience = 3;

    public static InputOptions Options(TrainingSettings s)
    {
        var mode = (s.Input?.Trim().ToLowerInvariant()) switch
        {
            null or "table" => InputMode.Table,
            "text" => InputMode.Text,
            _ => throw new DecoRegException($"--input '{s.Input}': expected table or text."),
        };
        var columns = s.Text.SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
        var o = new InputOptions { Mode = mode, TextColumns = columns, InferTextColumns = !s.NoInferText };
        if (s.MaxTokens is int max) o = o with { MaxTokens = max };
        if (s.NgramBuckets is int buckets) o = o with { NgramBuckets = buckets };
        if (s.VocabSize is int size) o = o with { Tokenizer = o.Tokenizer with { VocabularySize = size } };
        if (s.Merges is not null && s.Vocabulary is null) throw new DecoRegException("--merges goes with --vocabulary vocab.json.");
        if (s.Vocabulary is { } path)
        {
            if (s.VocabSize is not null) throw new DecoRegException("--vocab-size is for a trained vocabulary; leave it out with --vocabulary.");
            o = o with { Vocabulary = Load(path, s.Merges).Spec };
        }
        o.Validate();
        return o;
    }

    private static ITextTokenizer Load(string path, string? merges)
    {
        if (!File.Exists(path)) throw new DecoRegException($"--vocabulary {path}: file not found.");
        if (merges is not null) return PretrainedTokenizer.FromBpeFiles(path, merges);
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            throw new DecoRegException($"--vocabulary {path}: a BPE vocab.json needs its merges.txt (--merges FILE).");
        return PretrainedTokenizer.FromSentencePieceFile(path);
    }
}
