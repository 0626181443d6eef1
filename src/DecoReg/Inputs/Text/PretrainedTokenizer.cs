using System.Text;
using System.Text.Json;
using Microsoft.ML.Tokenizers;

namespace DecoReg.Inputs.Text;

/// <summary>
/// A vocabulary the user brings, loaded through Microsoft.ML.Tokenizers: a BPE pair (<c>vocab.json</c> +
/// <c>merges.txt</c>) or a SentencePiece <c>.model</c>. The file bytes themselves are the persisted form
/// (<see cref="Spec"/>), so a model file that uses one needs nothing beside it.
/// Characters the vocabulary lacks do not fail: a byte-level BPE (GPT-2 style) and a SentencePiece model with byte
/// fallback encode them as bytes; otherwise they become the vocabulary's unknown token when it has one, and are
/// dropped when it has none (the library's behaviour). <see cref="Decode"/> is the library's decoding, which is not
/// the exact inverse of encoding for every vocabulary (a non-byte-level BPE drops the spaces, for one).
/// </summary>
public sealed class PretrainedTokenizer : ITextTokenizer
{
    /// <summary>Name of the BPE vocabulary file in <see cref="TextTokenizerSpec.Files"/>.</summary>
    public const string VocabFile = "vocab.json";

    /// <summary>Name of the BPE merges file in <see cref="TextTokenizerSpec.Files"/>.</summary>
    public const string MergesFile = "merges.txt";

    /// <summary>Name of the SentencePiece model in <see cref="TextTokenizerSpec.Files"/>.</summary>
    public const string SentencePieceFile = "model";

    /// <summary>GPT-2's pre-tokenization pattern, used for byte-level BPE vocabularies.</summary>
    private const string Gpt2Pattern = @"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+";

    private readonly Tokenizer tokenizer;
    private readonly string?[] tokens;

    private PretrainedTokenizer(Tokenizer tokenizer, IEnumerable<KeyValuePair<string, int>> vocabulary, TextTokenizerSpec spec)
    {
        this.tokenizer = tokenizer;
        var entries = vocabulary.ToArray();
        int size = entries.Length == 0 ? 0 : entries.Max(e => e.Value) + 1;
        tokens = new string?[size];
        foreach (var (text, id) in entries)
            if (id >= 0) tokens[id] = text;
        Spec = spec with { VocabularySize = size };
    }

    /// <summary>
    /// Loads a BPE vocabulary from files. <paramref name="byteLevel"/>: GPT-2 style byte-level vocabulary; when null it
    /// is taken to be byte-level if some token contains <c>Ġ</c> (U+0120, GPT-2's space).
    /// </summary>
    public static PretrainedTokenizer FromBpeFiles(string vocabJsonPath, string mergesPath, bool? byteLevel = null, string? unknownToken = null) =>
        FromBpe(ReadFile(vocabJsonPath), ReadFile(mergesPath), byteLevel, unknownToken, $"{vocabJsonPath} / {mergesPath}");

    /// <summary>Loads a BPE vocabulary from the bytes of <c>vocab.json</c> and <c>merges.txt</c>.</summary>
    public static PretrainedTokenizer FromBpe(byte[] vocabJson, byte[] merges, bool? byteLevel = null, string? unknownToken = null,
        string source = "BPE vocabulary")
    {
        var vocabulary = ParseVocabulary(vocabJson, source);
        bool isByteLevel = byteLevel ?? vocabulary.Keys.Any(k => k.Contains('\u0120'));
        var mergeLines = Encoding.UTF8.GetString(merges)
            .Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(line => line.Length > 0 && !line.StartsWith("#version", StringComparison.Ordinal))
            .ToList();
        if (unknownToken is not null && !vocabulary.ContainsKey(unknownToken))
            throw new DecoRegException($"{source}: the unknown token '{unknownToken}' is not in the vocabulary");
        var options = new BpeOptions(vocabulary)
        {
            Merges = mergeLines,
            ByteLevel = isByteLevel,
            UnknownToken = unknownToken,
            PreTokenizer = isByteLevel
                ? new RegexPreTokenizer(new System.Text.RegularExpressions.Regex(Gpt2Pattern, System.Text.RegularExpressions.RegexOptions.Compiled), null)
                : PreTokenizer.CreateWordOrNonWord(),
        };
        BpeTokenizer bpe;
        try
        {
            bpe = BpeTokenizer.Create(options);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
        {
            throw new DecoRegException($"{source}: the BPE vocabulary cannot be loaded ({e.Message})", e);
        }
        var spec = new TextTokenizerSpec(TextTokenizerSpec.PretrainedBpe, 0)
        {
            Files = new Dictionary<string, string>
            {
                [VocabFile] = Convert.ToBase64String(vocabJson),
                [MergesFile] = Convert.ToBase64String(merges),
            },
            ByteLevel = isByteLevel,
            UnknownToken = unknownToken,
        };
        return new PretrainedTokenizer(bpe, vocabulary, spec);
    }

    /// <summary>Loads a SentencePiece <c>.model</c> file (BPE or unigram).</summary>
    public static PretrainedTokenizer FromSentencePieceFile(string modelPath) => FromSentencePiece(ReadFile(modelPath), modelPath);

    /// <summary>Loads a SentencePiece model from its bytes. No beginning/end-of-sentence tokens are added.</summary>
    public static PretrainedTokenizer FromSentencePiece(byte[] model, string source = "SentencePiece model")
    {
        SentencePieceTokenizer sentencePiece;
        try
        {
            using var stream = new MemoryStream(model, writable: false);
            sentencePiece = SentencePieceTokenizer.Create(stream, addBeginningOfSentence: false, addEndOfSentence: false);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException
                                      or NotSupportedException or Google.Protobuf.InvalidProtocolBufferException)
        {
            throw new DecoRegException($"{source}: the SentencePiece model cannot be loaded ({e.Message})", e);
        }
        var spec = new TextTokenizerSpec(TextTokenizerSpec.PretrainedSentencePiece, 0)
        {
            Files = new Dictionary<string, string> { [SentencePieceFile] = Convert.ToBase64String(model) },
        };
        return new PretrainedTokenizer(sentencePiece, sentencePiece.Vocabulary, spec);
    }

    /// <summary>Rebuilds the tokenizer from its persisted form (the stored file bytes).</summary>
    public static PretrainedTokenizer FromSpec(TextTokenizerSpec spec)
    {
        byte[] File(string name)
        {
            if (spec.Files is null || !spec.Files.TryGetValue(name, out var base64))
                throw new DecoRegException($"{spec.Kind} tokenizer: the stored form lacks the file '{name}'");
            try
            {
                return Convert.FromBase64String(base64);
            }
            catch (FormatException e)
            {
                throw new DecoRegException($"{spec.Kind} tokenizer: the stored file '{name}' is not valid base64", e);
            }
        }
        return spec.Kind switch
        {
            TextTokenizerSpec.PretrainedBpe => FromBpe(File(VocabFile), File(MergesFile), spec.ByteLevel, spec.UnknownToken, "stored BPE vocabulary"),
            TextTokenizerSpec.PretrainedSentencePiece => FromSentencePiece(File(SentencePieceFile), "stored SentencePiece model"),
            _ => throw new DecoRegException($"'{spec.Kind}' is not a pretrained tokenizer kind"),
        };
    }

    public int VocabularySize => tokens.Length;

    public TextTokenizerSpec Spec { get; }

    public int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. tokenizer.EncodeToIds(text)];
    }

    public int Encode(ReadOnlySpan<char> text, Span<int> destination, out bool truncated)
    {
        if (text.IsEmpty)
        {
            truncated = false;
            return 0;
        }
        int budget = Math.Max(destination.Length, 1);
        var ids = tokenizer.EncodeToIds(text, budget, out string? normalized, out int consumed);
        int count = Math.Min(ids.Count, destination.Length);
        for (int i = 0; i < count; i++) destination[i] = ids[i];
        truncated = ids.Count > destination.Length || consumed < (normalized?.Length ?? text.Length);
        return count;
    }

    public string Decode(ReadOnlySpan<int> ids)
    {
        foreach (int id in ids)
            if ((uint)id >= (uint)tokens.Length)
                throw new ArgumentOutOfRangeException(nameof(ids), id, $"token ids run from 0 to {tokens.Length - 1}");
        return tokenizer.Decode(ids.ToArray()) ?? "";
    }

    public string TokenText(int id) =>
        (uint)id < (uint)tokens.Length
            ? TokenDisplay.Escape(tokens[id] ?? $"<unused {id}>")
            : throw new ArgumentOutOfRangeException(nameof(id), id, $"token ids run from 0 to {tokens.Length - 1}");

    private static Dictionary<string, int> ParseVocabulary(byte[] json, string source)
    {
        try
        {
            var vocabulary = JsonSerializer.Deserialize<Dictionary<string, int>>(json)
                ?? throw new DecoRegException($"{source}: vocab.json is empty");
            if (vocabulary.Count == 0) throw new DecoRegException($"{source}: vocab.json has no tokens");
            var negative = vocabulary.FirstOrDefault(kv => kv.Value < 0);
            if (negative.Key is not null)
                throw new DecoRegException($"{source}: token '{negative.Key}' has a negative id {negative.Value}");
            return vocabulary;
        }
        catch (JsonException e)
        {
            throw new DecoRegException($"{source}: vocab.json is not a JSON object of token → id ({e.Message})", e);
        }
    }

    private static byte[] ReadFile(string path)
    {
        try
        {
            return System.IO.File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DecoRegException($"{path}: cannot read the vocabulary file ({e.Message})", e);
        }
    }
}
