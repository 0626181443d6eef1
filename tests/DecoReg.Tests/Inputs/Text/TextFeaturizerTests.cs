using DecoReg.Data;
using DecoReg.Inputs;
using DecoReg.Inputs.Text;
using TorchSharp;

namespace DecoReg.Tests.Inputs.Text;

public class TextFeaturizerTests
{
    private static Table Records(string name, string[] columns, params string?[][] rows) => new(name, columns, rows);

    private static readonly Table Packages = Records("packages.jsonl", ["package", "size_hint", "description"],
        ["libfoo1", "12", "shared library for foo, with many words in it"],
        ["foo-doc", "3", "documentation for foo"],
        ["foo-data", null, "data files"],
        ["bar", "7.50", "a tool to bar things quickly and well"]);

    [Fact]
    public void WholeRecord_IgnoresColumnOrder_AndSpellingOfNumbers()
    {
        var (encoder, schema, text) = InputEncoders.Fit(new InputOptions { Mode = InputMode.Text }, Packages);
        Assert.NotNull(text);
        Assert.Null(text!.TextColumns);
        Assert.All(schema.Columns, c => Assert.Equal(ColumnKind.Text, c.Kind));
        var reordered = Records("other.jsonl", ["description", "package", "size_hint"],
            ["shared library for foo, with many words in it", "libfoo1", "12.0"]);
        var a = encoder.Encode(Packages.Select([0]));
        var b = encoder.Encode(reordered);
        Assert.Equal(a.Tokens, b.Tokens);
        Assert.Equal(a.Lengths, b.Lengths);
    }

    [Fact]
    public void NgramBags_AreTheRowsOwn_FollowRowSelection_AndBecomeOneMoreMemoryToken()
    {
        var (encoder, _, text) = InputEncoders.Fit(new InputOptions { Mode = InputMode.Text, NgramBuckets = 4096 }, Packages);
        Assert.Equal(4096, text!.NgramBuckets);
        var encoded = encoder.Encode(Packages);
        var bags = encoded.Bags!;
        for (int r = 0; r < Packages.RowCount; r++)
        {
            // The row's bag is the bag of its own (kept) tokens and field ids.
            int length = encoded.Lengths![r];
            var ids = Enumerable.Range(0, length).Select(j => encoded.Token(r, j)).ToArray();
            var fields = Enumerable.Range(0, length).Select(j => encoded.Value(r, j)).ToArray();
            var expected = NgramBag.Of(ids, fields, 4096, text.BagTriples);
            var slots = bags.Ids.Skip(r * bags.Width).Take(bags.Width).ToArray();
            Assert.Equal(expected.Ids, slots.Take(expected.Ids.Length));
            Assert.All(slots.Skip(expected.Ids.Length), id => Assert.Equal(0L, id));   // padding slots
        }
        var gathered = encoded.Gather([3, 1]);
        Assert.Equal(bags.Ids.Skip(3 * bags.Width).Take(bags.Width), gathered.Bags!.Ids.Take(bags.Width));

        // The network: one memory token more than the text, attended by every row.
        var featurizer = Assert.IsType<TextFeaturizer>(encoder);
        using var network = new DecoReg.Model.EncoderDecoder(DecoReg.Model.MixedEmbedding.For(featurizer, new()), new(), 10, 2);
        network.eval();
        using var batch = DecoReg.Model.InputBatch.From(encoded);
        using var states = network.Encode(batch, out var mask);
        Assert.Equal(encoded.Columns + 1, states.shape[1]);
        Assert.Equal(encoded.Columns + 1, mask!.shape[3]);
        Assert.All(Enumerable.Range(0, Packages.RowCount), r => Assert.True(mask[r, 0, 0, 0].item<bool>()));
        // A selection of rows keeps their bags, cut to the widest of them (as tokens are cut to the longest row).
        int smallest = Enumerable.Range(0, Packages.RowCount).MinBy(r => bags.Ids.Skip(r * bags.Width).Take(bags.Width).Count(id => id != 0));
        int size = bags.Ids.Skip(smallest * bags.Width).Take(bags.Width).Count(id => id != 0);
        Assert.True(size < bags.Width, "the rows' bags differ in size");
        using var one = batch.Select(torch.tensor(new long[] { smallest }));
        Assert.Equal(size, one.Bag!.shape[1]);
        Assert.Equal(bags.Ids.Skip(smallest * bags.Width).Take(size), one.Bag.data<long>().ToArray());
        Assert.Equal(bags.Weights.Skip(smallest * bags.Width).Take(size), one.BagWeights!.data<float>().ToArray());
        // Without a bag, the memory is the text alone (model files from before the bag load this way).
        var (plain, _, plainText) = InputEncoders.Fit(new InputOptions { Mode = InputMode.Text, NgramBuckets = 0 }, Packages);
        Assert.Equal(0, plainText!.NgramBuckets);
        Assert.Null(plain.Encode(Packages).Bags);
    }

    [Fact]
    public void NgramBags_ReadWholeFields_WhereAttentionIsCut_AndEarlierModelsKeepTheirKeptTokenBags()
    {
        var (wide, _, text) = InputEncoders.Fit(new InputOptions { Mode = InputMode.Text, NgramBuckets = 4096 }, Packages);
        Assert.True(text!.BagReadsWholeFields);
        Assert.True(text.BagTriples);
        var tokenizer = Assert.IsType<TextFeaturizer>(wide).Tokenizer;
        // A budget that holds every field on its own but not a whole row: attention is cut, the bag is not.
        int longestField = TextFeaturizer.TextsOf(Packages, null, text.Format)
            .SelectMany(t => t.Split('\n')).Max(line => tokenizer.Encode(line + "\n", 1 << 20, out _).Length);
        var cut = new TextFeaturizer(text with { MaxTokens = longestField }, tokenizer, null).Encode(Packages);
        var whole = wide.Encode(Packages);
        Assert.True(cut.TruncatedRows > 0, "the budget cuts some rows");
        Assert.Equal(0, whole.TruncatedRows);
        Assert.True(cut.Columns < whole.Columns);
        Assert.Equal(whole.Bags!.Ids, cut.Bags!.Ids);
        Assert.Equal(whole.Bags.Weights, cut.Bags.Weights);
        // A model file from before reads the bag of the kept tokens only: it keeps predicting as it was trained.
        var earlier = new TextFeaturizer(text with { MaxTokens = longestField, BagReadsWholeFields = false, BagTriples = false }, tokenizer, null).Encode(Packages);
        for (int r = 0; r < Packages.RowCount; r++)
        {
            int length = earlier.Lengths![r];
            var ids = Enumerable.Range(0, length).Select(j => earlier.Token(r, j)).ToArray();
            var fields = Enumerable.Range(0, length).Select(j => earlier.Value(r, j)).ToArray();
            var expected = NgramBag.Of(ids, fields, 4096).Ids;
            Assert.Equal(expected, earlier.Bags!.Ids.Skip(r * earlier.Bags.Width).Take(expected.Length));
        }
        Assert.True(earlier.Bags!.Width < whole.Bags.Width);
        // A model file written before the flag has no such key: it reads as false.
        var node = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(text))!.AsObject();
        Assert.True(node.Remove(nameof(TextInput.BagReadsWholeFields)));
        Assert.True(node.Remove(nameof(TextInput.BagTriples)));
        var old = System.Text.Json.JsonSerializer.Deserialize<TextInput>(node)!;
        Assert.False(old.BagReadsWholeFields);
        Assert.False(old.BagTriples);
        // Triples change the bag: this model's bags are not the bags without them.
        var pairsOnly = new TextFeaturizer(text with { BagTriples = false }, tokenizer, null).Encode(Packages);
        Assert.True(pairsOnly.Bags!.Width < whole.Bags.Width);
    }

    [Fact]
    public void Mixed_PutsColumnTokensFirst_ThenText_WithLengths()
    {
        var options = new InputOptions { TextColumns = ["description"], InferTextColumns = false };
        var (encoder, schema, text) = InputEncoders.Fit(options, Packages);
        var featurizer = Assert.IsType<TextFeaturizer>(encoder);
        Assert.Equal(["description"], text!.TextColumns);
        Assert.Equal(ColumnKind.Text, schema.Columns[schema.IndexOf("description")].Kind);
        Assert.Equal(ColumnKind.Numeric, schema.Columns[schema.IndexOf("size_hint")].Kind);
        Assert.Equal(2, featurizer.ColumnCount);

        var encoded = encoder.Encode(Packages);
        var columns = featurizer.Columns!.Encode(Packages.WithoutColumns("description"));
        for (int r = 0; r < Packages.RowCount; r++)
        {
            for (int c = 0; c < 2; c++) Assert.Equal(columns.Token(r, c), encoded.Token(r, c));
            int length = encoded.Lengths![r];
            var ids = Enumerable.Range(2, length - 2).Select(j => (int)encoded.Token(r, j) - 1).ToArray();
            Assert.Equal(Packages.Cell(r, 2), featurizer.Tokenizer.Decode(ids));
            for (int j = length; j < encoded.Columns; j++) Assert.Equal(0, encoded.Token(r, j));   // padding
        }
        Assert.Equal(encoded.Lengths!.Max(), encoded.Columns);   // as wide as the longest row, not the budget
    }

    [Fact]
    public void Inference_FindsTextColumns_AndNamedOnesJoin()
    {
        var (_, schema, _) = InputEncoders.Fit(new InputOptions(), Packages);
        Assert.Equal(ColumnKind.Text, schema.Columns[schema.IndexOf("description")].Kind);
        Assert.Equal(ColumnKind.Categorical, schema.Columns[schema.IndexOf("package")].Kind);
        var (_, named, text) = InputEncoders.Fit(new InputOptions { TextColumns = ["package"] }, Packages);
        Assert.Equal(["package", "description"], text!.TextColumns);
        Assert.Equal(ColumnKind.Text, named.Columns[named.IndexOf("package")].Kind);
    }

    [Fact]
    public void MissingTextColumn_IsAClearError_UnknownNamedColumnToo()
    {
        var (encoder, _, _) = InputEncoders.Fit(new InputOptions { TextColumns = ["description"] }, Packages);
        var e = Assert.Throws<DecoRegException>(() => encoder.Encode(Packages.WithoutColumns("description")));
        Assert.Contains("'description'", e.Message);
        e = Assert.Throws<DecoRegException>(() => InputEncoders.Fit(new InputOptions { TextColumns = ["readme"] }, Packages));
        Assert.Contains("'readme'", e.Message);
    }

    [Fact]
    public void UnseenCharacters_HugeCells_AndEmptyRecords_Encode()
    {
        var (encoder, _, text) = InputEncoders.Fit(new InputOptions { Mode = InputMode.Text, MaxTokens = 160 }, Packages);
        var odd = Records("odd.jsonl", ["package", "size_hint", "description"],
            ["日本語-パッケージ", "1", "🙂 émoji and \u0001 control"],
            [null, null, new string('z', 1_000_000)],
            [null, null, null]);
        var encoded = encoder.Encode(odd);
        Assert.Equal(1, encoded.TruncatedRows);
        Assert.Equal(160, encoded.Lengths![1]);
        Assert.Equal(1, encoded.Lengths[2]);           // an empty record keeps one position to attend to
        var featurizer = (TextFeaturizer)encoder;
        var ids = Enumerable.Range(0, encoded.Lengths[0]).Select(j => (int)encoded.Token(0, j) - 1).ToArray();
        Assert.Contains("🙂 émoji", featurizer.Tokenizer.Decode(ids));
        // The training rows' own figures: none of the four packages is cut at 160 tokens.
        var measured = InputEncoders.Measured(text, encoder, encoder.Encode(Packages))!;
        Assert.Equal(0, measured.TruncatedRows);
        Assert.InRange(measured.MeanTokens, 10, 160);
    }

    [Fact]
    public void ModelFileState_RebuildsTheSameEncoder()
    {
        var (encoder, schema, text) = InputEncoders.Fit(new InputOptions { TextColumns = ["description"] }, Packages);
        var json = System.Text.Json.JsonSerializer.Serialize(text);
        var back = System.Text.Json.JsonSerializer.Deserialize<TextInput>(json)!;
        var rebuilt = InputEncoders.Create(ColumnSchema.FromJson(schema.ToJson()), back);
        Assert.Equal(encoder.Encode(Packages).Tokens, rebuilt.Encode(Packages).Tokens);
    }
}
