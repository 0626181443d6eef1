using DecoReg.Data;
using DecoReg.Inputs.Text;

namespace DecoReg.Inputs;

/// <summary>
/// Reads rows as text for the encoder: either the whole record serialized by <see cref="RecordText"/> (whole-record
/// mode), or the numeric and categorical columns as column tokens (a <see cref="TabularFeaturizer"/>) followed by the
/// subword tokens of the text columns (mixed mode). Each row becomes [column tokens][text ids][padding]: the block is as
/// wide as this call's longest row (not the budget), and <see cref="EncodedInputs.Lengths"/> marks where padding
/// starts, so batches can be cut to their own longest row. Text ids are the tokenizer's plus one; 0 is padding; the values of
/// text positions carry the id of the field (<see cref="TextInput.Fields"/>) each token belongs to. A row's
/// fields are <c>key: value</c> lines, and a row over the budget loses tokens from its longest fields first
/// (<see cref="TextBudget"/>). Token ids are computed once per call (once per data set in training).
/// </summary>
public sealed class TextFeaturizer : IInputEncoder
{
    private readonly TextBudget budget;
    private readonly Dictionary<string, int> fieldIds;

    public TextFeaturizer(TextInput text, ITextTokenizer tokenizer, TabularFeaturizer? columns)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        Tokenizer = tokenizer;
        Columns = columns;
        budget = new TextBudget(tokenizer, text.MaxTokens);
        fieldIds = text.Fields.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i + 1, StringComparer.Ordinal);
        if (text.TextColumns is null && columns is not null)
            throw new ArgumentException("whole-record text has no column tokens", nameof(columns));
    }

    public TextInput Text { get; }
    public ITextTokenizer Tokenizer { get; }

    /// <summary>The numeric and categorical columns' featurizer in mixed mode (null: none, or whole-record mode).</summary>
    public TabularFeaturizer? Columns { get; }

    /// <summary>Column tokens at the start of every row.</summary>
    public int ColumnCount => Columns?.ColumnCount ?? 0;

    /// <summary>Text ids, padding (0) included.</summary>
    public int TextVocabularySize => budget.VocabularySize;

    public int MaxTokens => Text.MaxTokens;

    /// <summary>Field ids a text token can carry (0 = unknown field).</summary>
    public int FieldCount => Text.Fields.Count + 1;

    public EncodedInputs Encode(Table features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var (ids, fields, truncated, bags) = EncodeTexts(TextsOf(features, Text.TextColumns, Text.Format));
        int rows = features.RowCount, c = ColumnCount;
        int width = c + ids.Select(x => x.Length).DefaultIfEmpty(0).Max();
        var tokens = new long[(long)rows * width];
        var values = new float[(long)rows * width];
        var lengths = new int[rows];
        EncodedInputs? table = Columns?.Encode(features.WithoutColumns(Text.TextColumns!));
        for (int r = 0; r < rows; r++)
        {
            long offset = (long)r * width;
            if (table is not null)
            {
                Array.Copy(table.Tokens, (long)r * c, tokens, offset, c);
                Array.Copy(table.Values, (long)r * c, values, offset, c);
            }
            Array.Copy(ids[r], 0, tokens, offset + c, ids[r].Length);
            Array.Copy(fields[r], 0, values, offset + c, fields[r].Length);   // text positions carry their field id
            lengths[r] = c + ids[r].Length;
        }
        return new EncodedInputs(rows, width, tokens, values, lengths) { TruncatedRows = truncated, Bags = bags };
    }

    /// <summary>
    /// The text ids of each text within the budget, how many texts were cut, and (when the model reads one) each
    /// text's n-gram bag. A text with no ids while the row has no column tokens gets one unmasked padding id, so that
    /// every row has a position to attend to. The bag reads the tokens the budget kept or, with
    /// <see cref="TextInput.BagReadsWholeFields"/>, every field up to the budget each, so a long description cut for
    /// attention still counts in full (bounded: fields × budget tokens).
    /// </summary>
    public (long[][] Ids, float[][] Fields, int Truncated, NgramBags? Bags) EncodeTexts(IReadOnlyList<string> texts)
    {
        var ids = new long[texts.Count][];
        var fields = new float[texts.Count][];
        var cut = new bool[texts.Count];
        var bags = Text.NgramBuckets > 0 ? new (long[], float[])[texts.Count] : null;
        bool needsOne = ColumnCount == 0;
        Parallel.For(0, texts.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, r =>
        {
            var buffer = new long[budget.MaxTokens];
            var lines = Fields(texts[r]);
            int n = budget.Encode(lines, buffer, out cut[r], out var kept, out var whole);
            ids[r] = needsOne && n == 0 ? [TextBudget.Padding] : buffer[..n];
            fields[r] = new float[ids[r].Length];
            var lineFields = new float[lines.Length];
            for (int f = 0, k = 0; f < lines.Length; f++)
            {
                float id = lineFields[f] = FieldId(lines[f], lines.Length);
                for (int j = 0; j < kept[f]; j++) fields[r][k++] = id;
            }
            if (bags is null) return;
            if (!Text.BagReadsWholeFields) { bags[r] = NgramBag.Of(ids[r], fields[r], Text.NgramBuckets, Text.BagTriples); return; }
            int count = whole.Sum(f => f.Length);
            var bagIds = new long[count];
            var bagFields = new float[count];
            for (int f = 0, k = 0; f < whole.Length; f++)
                foreach (int id in whole[f]) (bagIds[k], bagFields[k++]) = (id + 1L, lineFields[f]);   // ids as the budget writes them
            bags[r] = NgramBag.Of(bagIds, bagFields, Text.NgramBuckets, Text.BagTriples);
        });
        return (ids, fields, cut.Count(x => x), bags is null ? null : NgramBags.From(bags));
    }

    /// <summary>The text of every row: the whole record, or its text columns (by name; missing ones are an error).</summary>
    public static string[] TextsOf(Table features, IReadOnlyList<string>? textColumns, RecordText.Format format)
    {
        if (textColumns is not { } names) return RecordText.SerializeAll(features, format);
        var missing = names.Where(n => !features.HasColumn(n)).ToArray();
        if (missing.Length > 0)
            throw new DecoRegException(
                $"{features.Source}: missing text column(s) {string.Join(", ", missing.Select(m => $"'{m}'"))} the model was trained with.");
        var others = features.Columns.Where(n => !names.Contains(n, StringComparer.Ordinal)).ToArray();
        return RecordText.SerializeAll(features.WithoutColumns(others), format);
    }

    /// <summary>The field id of a <c>key: value</c> line (a lone text is the one field there is).</summary>
    private float FieldId(string line, int lines)
    {
        if (lines == 1 && Text.Fields.Count == 1) return 1;
        int colon = line.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && fieldIds.TryGetValue(line[..colon], out int id) ? id : 0;
    }

    /// <summary>A text's fields for the budget: its lines (each keeping its line break), or the whole text.</summary>
    private static string[] Fields(string text)
    {
        if (text.IndexOf('\n') < 0) return [text];
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length - 1; i++) lines[i] += "\n";
        return lines;
    }
}
