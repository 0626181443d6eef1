using DecoReg.Data;
using DecoReg.Inputs.Text;

namespace DecoReg.Inputs;

/// <summary>
/// The one place that chooses and rebuilds a model's input encoder: a plain <see cref="TabularFeaturizer"/> for tables
/// without text, a <see cref="TextFeaturizer"/> for whole-record text or for tables with text columns. Training fits it
/// on the training rows (schema, text columns, subword vocabulary); loading rebuilds it from what the model file
/// stores (<see cref="ColumnSchema"/> and <see cref="TextInput"/>).
/// </summary>
public static class InputEncoders
{
    /// <summary>
    /// Fits the input side on training features: the schema (text columns recorded as <see cref="ColumnKind.Text"/>),
    /// the text input (null when no column is read as text) and the encoder.
    /// </summary>
    public static (IInputEncoder Encoder, ColumnSchema Schema, TextInput? Text) Fit(InputOptions options, Table features)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (options.Mode == InputMode.Text)
        {
            if (features.ColumnCount == 0) throw new DecoRegException($"{features.Source}: no feature columns to read as text.");
            var wholeSchema = ColumnSchema.WholeText(features);
            var whole = FitText(options, features, null, features.Columns);
            return (Create(wholeSchema, whole), wholeSchema, whole);
        }
        var textColumns = TextColumns(options, features);
        if (textColumns.Count == 0)
        {
            var schema = ColumnSchema.Infer(features);
            return (new TabularFeaturizer(schema), schema, null);
        }
        var rest = features.WithoutColumns(textColumns);
        var tabular = rest.ColumnCount > 0 ? ColumnSchema.Infer(rest).Columns : [];
        var byName = tabular.Concat(textColumns.Select(ColumnSpec.Text)).ToDictionary(s => s.Name, StringComparer.Ordinal);
        var mixedSchema = new ColumnSchema(features.Columns.Select(n => byName[n]).ToArray());
        var text = FitText(options, features, textColumns, textColumns);
        return (Create(mixedSchema, text), mixedSchema, text);
    }

    /// <summary>
    /// The text input with what encoding the training rows showed: rows cut to the budget, mean text tokens per row
    /// (null stays null).
    /// </summary>
    public static TextInput? Measured(TextInput? text, IInputEncoder encoder, EncodedInputs training)
    {
        if (text is null || encoder is not TextFeaturizer featurizer || training.Lengths is not { } lengths) return text;
        double mean = lengths.Length == 0 ? 0 : lengths.Average() - featurizer.ColumnCount;
        return text with { TruncatedRows = training.TruncatedRows, MeanTokens = mean };
    }

    /// <summary>The encoder a model file describes.</summary>
    public static IInputEncoder Create(ColumnSchema schema, TextInput? text)
    {
        if (text is null) return new TabularFeaturizer(schema);
        var tokenizer = TextTokenizers.FromSpec(text.Tokenizer);
        var tabular = schema.Columns.Where(c => c.Kind != ColumnKind.Text).ToArray();
        var columns = text.TextColumns is null || tabular.Length == 0 ? null : new TabularFeaturizer(new ColumnSchema(tabular));
        return new TextFeaturizer(text, tokenizer, columns);
    }

    /// <summary>Named text columns plus, when asked, the string columns <see cref="TextColumnRule"/> calls text.</summary>
    private static List<string> TextColumns(InputOptions options, Table features)
    {
        var result = new List<string>();
        foreach (var name in options.TextColumns)
        {
            if (!features.HasColumn(name))
                throw new DecoRegException($"{features.Source}: text column '{name}' is not in the data; columns: {string.Join(", ", features.Columns)}");
            result.Add(name);
        }
        if (options.InferTextColumns)
            for (int c = 0; c < features.ColumnCount; c++)
                if (!result.Contains(features.Columns[c]) && TextColumnRule.IsText(features, c)) result.Add(features.Columns[c]);
        return result;
    }

    private static TextInput FitText(InputOptions options, Table features, IReadOnlyList<string>? textColumns, IReadOnlyList<string> fields)
    {
        var texts = TextFeaturizer.TextsOf(features, textColumns, options.Format);
        var tokenizer = options.Vocabulary is { } vocabulary ? TextTokenizers.FromSpec(vocabulary) : TextTokenizers.Train(texts, options.Tokenizer);
        return new TextInput(tokenizer.Spec, options.MaxTokens, options.Format, textColumns)
        {
            Fields = fields.Order(StringComparer.Ordinal).ToArray(),
            NgramBuckets = options.NgramBuckets,
            BagReadsWholeFields = true,
            BagTriples = true,
        };
    }
}
