using System.Text;
using System.Text.Json;
using DecoReg.Inputs.Text;
using Google.Protobuf;

namespace DecoReg.Tests.Inputs.Text;

public class PretrainedTokenizerTests
{
    private static readonly byte[] VocabJson = Encoding.UTF8.GetBytes(
        """{"<unk>":0,"h":1,"e":2,"l":3,"o":4,"w":5,"r":6,"d":7,"he":8,"ll":9,"hell":10,"hello":11,"or":12,"wor":13,"world":14,"ld":15}""");

    private static readonly byte[] Merges = Encoding.UTF8.GetBytes("#version: 0.2\nh e\nl l\nhe ll\nhell o\no r\nw or\nl d\nwor ld\n");

    [Fact]
    public void LoadsBpeFilesAndEncodes()
    {
        var t = PretrainedTokenizer.FromBpe(VocabJson, Merges, unknownToken: "<unk>");
        Assert.Equal(16, t.VocabularySize);
        Assert.Equal([11, 14], t.Encode("hello world"));
        Assert.Equal("hello", t.TokenText(11));
        Assert.Equal("helloworld", t.Decode([11, 14]));   // a non-byte-level vocabulary has no space token
        Assert.Equal([11, 0], t.Encode("hello é"));       // an unknown character is the unknown token
        Assert.Empty(PretrainedTokenizer.FromBpe(VocabJson, Merges).Encode("é"));   // no unknown token: dropped
    }

    [Fact]
    public void BpeFromFilesPersistsAndReloads()
    {
        var dir = Directory.CreateTempSubdirectory("decoreg-bpe");
        try
        {
            var vocab = Path.Combine(dir.FullName, "vocab.json");
            var merges = Path.Combine(dir.FullName, "merges.txt");
            File.WriteAllBytes(vocab, VocabJson);
            File.WriteAllBytes(merges, Merges);
            var t = PretrainedTokenizer.FromBpeFiles(vocab, merges, unknownToken: "<unk>");
            var json = JsonSerializer.Serialize(t.Spec);
            dir.Delete(recursive: true);
            var back = TextTokenizers.FromSpec(JsonSerializer.Deserialize<TextTokenizerSpec>(json)!);
            Assert.Equal(TextTokenizerSpec.PretrainedBpe, back.Spec.Kind);
            Assert.Equal(t.VocabularySize, back.VocabularySize);
            Assert.Equal(t.Encode("hello world hello é"), back.Encode("hello world hello é"));
        }
        finally
        {
            if (dir.Exists) dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void ByteLevelBpeKeepsSpacesAndNeverCrashesOnUnseenCharacters()
    {
        var vocab = new Dictionary<string, int>();
        foreach (char c in "abcdehlorwĠ") vocab[c.ToString()] = vocab.Count;
        vocab["he"] = vocab.Count;
        vocab["Ġw"] = vocab.Count;
        var t = PretrainedTokenizer.FromBpe(JsonSerializer.SerializeToUtf8Bytes(vocab), Encoding.UTF8.GetBytes("h e\nĠ w\n"));
        Assert.True(t.Spec.ByteLevel);
        var ids = t.Encode("hello world");
        Assert.Contains(vocab["Ġw"], ids);
        Assert.Equal("hello world", t.Decode(ids));
        var unseen = t.Encode("héllo 日本 🙂");   // bytes the vocabulary lacks are dropped by the library, no exception
        Assert.All(unseen, id => Assert.InRange(id, 0, t.VocabularySize - 1));
    }

    [Fact]
    public void TruncatesAtTheBudget()
    {
        var t = PretrainedTokenizer.FromBpe(VocabJson, Merges, unknownToken: "<unk>");
        var text = string.Concat(Enumerable.Repeat("hello world ", 100_000));
        var buffer = new int[3];
        Assert.Equal(3, t.Encode(text, buffer, out bool truncated));
        Assert.True(truncated);
        Assert.Equal([11, 14, 11], buffer);
        var exact = new int[2];
        Assert.Equal(2, t.Encode("hello world", exact, out truncated));
        Assert.False(truncated);
    }

    [Fact]
    public void SentencePieceModelWithByteFallbackLoadsPersistsAndReloads()
    {
        var t = PretrainedTokenizer.FromSentencePiece(SentencePieceBpeModel());
        Assert.Equal(TextTokenizerSpec.PretrainedSentencePiece, t.Spec.Kind);
        var ids = t.Encode("hello world");
        Assert.Equal(["▁hello", "▁world"], ids.Select(t.TokenText));
        Assert.Equal("hello world", t.Decode(ids));
        var unseen = t.Encode("héllo 🙂");   // byte fallback: <0xC3> <0xA9> ...
        Assert.Equal("héllo 🙂", t.Decode(unseen));

        var back = TextTokenizers.FromSpec(JsonSerializer.Deserialize<TextTokenizerSpec>(JsonSerializer.Serialize(t.Spec))!);
        Assert.Equal(t.VocabularySize, back.VocabularySize);
        Assert.Equal(unseen, back.Encode("héllo 🙂"));
    }

    [Fact]
    public void UnreadableVocabulariesAreUserErrors()
    {
        Assert.Throws<DecoRegException>(() => PretrainedTokenizer.FromBpe("[1,2]"u8.ToArray(), Merges));
        Assert.Throws<DecoRegException>(() => PretrainedTokenizer.FromBpe(VocabJson, Merges, unknownToken: "<missing>"));
        Assert.Throws<DecoRegException>(() => PretrainedTokenizer.FromSentencePiece([1, 2, 3, 4]));
        Assert.Throws<DecoRegException>(() => PretrainedTokenizer.FromBpeFiles("/nonexistent/vocab.json", "/nonexistent/merges.txt"));
        Assert.Throws<DecoRegException>(() => TextTokenizers.FromSpec(new TextTokenizerSpec(TextTokenizerSpec.PretrainedBpe, 0)));
    }

    /// <summary>
    /// A tiny SentencePiece BPE model written field by field (sentencepiece_model.proto: ModelProto.pieces = 1,
    /// trainer_spec = 2, normalizer_spec = 3): unk/bos/eos, the 256 byte pieces, then a few merges.
    /// </summary>
    private static byte[] SentencePieceBpeModel()
    {
        var pieces = new List<(string Text, float Score, int Type)> { ("<unk>", 0, 2), ("<s>", 0, 3), ("</s>", 0, 3) };
        for (int b = 0; b < 256; b++) pieces.Add(($"<0x{b:X2}>", 0, 6));
        string[] normal = ["▁", "h", "e", "l", "o", "w", "r", "d", "he", "ll", "hell", "hello", "▁hello", "or", "wor", "ld", "world", "▁world"];
        for (int i = 0; i < normal.Length; i++) pieces.Add((normal[i], -i, 1));

        var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        foreach (var (text, score, type) in pieces)
            WriteMessage(output, 1, o =>
            {
                o.WriteTag(1, WireFormat.WireType.LengthDelimited); o.WriteString(text);
                o.WriteTag(2, WireFormat.WireType.Fixed32); o.WriteFloat(score);
                o.WriteTag(3, WireFormat.WireType.Varint); o.WriteEnum(type);
            });
        WriteMessage(output, 2, o =>
        {
            o.WriteTag(3, WireFormat.WireType.Varint); o.WriteEnum(2);              // model_type BPE
            o.WriteTag(4, WireFormat.WireType.Varint); o.WriteInt32(pieces.Count);  // vocab_size
            o.WriteTag(35, WireFormat.WireType.Varint); o.WriteBool(true);          // byte_fallback
            o.WriteTag(40, WireFormat.WireType.Varint); o.WriteInt32(0);            // unk_id
            o.WriteTag(41, WireFormat.WireType.Varint); o.WriteInt32(1);            // bos_id
            o.WriteTag(42, WireFormat.WireType.Varint); o.WriteInt32(2);            // eos_id
            o.WriteTag(43, WireFormat.WireType.Varint); o.WriteInt32(-1);           // pad_id
        });
        WriteMessage(output, 3, o =>
        {
            o.WriteTag(1, WireFormat.WireType.LengthDelimited); o.WriteString("identity");
            o.WriteTag(3, WireFormat.WireType.Varint); o.WriteBool(true);           // add_dummy_prefix
            o.WriteTag(4, WireFormat.WireType.Varint); o.WriteBool(false);          // remove_extra_whitespaces
            o.WriteTag(5, WireFormat.WireType.Varint); o.WriteBool(true);           // escape_whitespaces
        });
        output.Flush();
        return stream.ToArray();
    }

    private static void WriteMessage(CodedOutputStream output, int field, Action<CodedOutputStream> write)
    {
        var inner = new MemoryStream();
        var o = new CodedOutputStream(inner);
        write(o);
        o.Flush();
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(inner.ToArray()));
    }
}
