using System.Text;
using System.Text.Json;
using DecoReg.Inputs.Text;
using FsCheck;
using FsCheck.Fluent;

namespace DecoReg.Tests.Inputs.Text;

public class SubwordTokenizerTests
{
    private static readonly string[] Corpus =
    [
        "package: libfoo-dev\nversion: 1.2.3-4\ndescription: the foo library, development files",
        "package: libbar2\nversion: 22.04\ndescription: the bar library for reading bar files",
        "package: python3-foo\nversion: 0.9\ndescription: Python bindings for the foo library",
        "The quick brown fox jumps over the lazy dog. The dog sleeps; the fox runs.",
        "depends: libc6 (>= 2.34), libfoo1 (= 1.2.3-4), python3:any",
    ];

    private static IEnumerable<string> Repeated(int times) => Enumerable.Range(0, times).SelectMany(_ => Corpus);

    private static readonly Lazy<SubwordTokenizer> Trained =
        new(() => SubwordTokenizer.Train(Repeated(20), new TextTokenizerOptions(VocabularySize: 400, MinFrequency: 2)));

    [Fact]
    public void LearnsMergesWithinTheSizeAndCompresses()
    {
        var t = Trained.Value;
        Assert.InRange(t.VocabularySize, SubwordTokenizer.ByteCount + 1, 400);
        Assert.Equal(t.VocabularySize, t.Spec.VocabularySize);
        var ids = t.Encode(Corpus[1]);
        Assert.True(ids.Length < Corpus[1].Length / 2, $"{ids.Length} tokens for {Corpus[1].Length} characters");
        Assert.All(ids, id => Assert.InRange(id, 0, t.VocabularySize - 1));
        Assert.Contains(" library", Enumerable.Range(0, t.VocabularySize).Select(t.TokenText));
    }

    [Fact]
    public void VocabularySizeIsRespectedExactlyWhenPairsRemain()
    {
        var t = SubwordTokenizer.Train(Repeated(5), new TextTokenizerOptions(VocabularySize: 300, MinFrequency: 1));
        Assert.Equal(300, t.VocabularySize);
        var bytesOnly = SubwordTokenizer.Train(Repeated(5), new TextTokenizerOptions(VocabularySize: 256));
        Assert.Equal(256, bytesOnly.VocabularySize);
        Assert.Equal(Corpus[0].Length, bytesOnly.Encode(Corpus[0]).Length);
    }

    [Fact]
    public void MinFrequencyStopsRareMerges()
    {
        var once = SubwordTokenizer.Train(Corpus, new TextTokenizerOptions(VocabularySize: 4000, MinFrequency: 1000));
        Assert.Equal(SubwordTokenizer.ByteCount, once.VocabularySize);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("version: 1.2.3-4")]
    [InlineData("22.04 and 2.34 and 1000000")]
    public void DigitsAreAlwaysSingleTokens(string text)
    {
        var t = Trained.Value;
        var ids = t.Encode(text);
        var digits = text.Where(char.IsAsciiDigit).Select(SubwordTokenizer.DigitId).ToList();
        Assert.Equal(digits, ids.Where(id => id is >= '0' and <= '9'));
        Assert.Equal(["1", "2", "3", "4", "5"], t.Encode("12345").Select(t.TokenText));
        Assert.All(t.Merges, m => Assert.False(m.Left is >= '0' and <= '9' || m.Right is >= '0' and <= '9'));
    }

    [Fact]
    public void UnseenCharactersFallBackToBytesAndDecodeExactly()
    {
        var t = Trained.Value;
        const string text = "héllo 日本 🙂\u0001\t end";
        var ids = t.Encode(text);
        Assert.Equal(text, t.Decode(ids));
        Assert.Contains(ids, id => id >= 128 && id < 256);   // UTF-8 continuation bytes of the unseen characters
        Assert.Equal("<0xF0>", t.TokenText(0xF0));
        Assert.Equal("\\n", t.TokenText('\n'));
    }

    [Fact]
    public void LoneSurrogatesBecomeReplacementCharacters()
    {
        var t = Trained.Value;
        Assert.Equal("a\uFFFDb\uFFFD", t.Decode(t.Encode("a\uD800b\uDC00")));
    }

    [Fact]
    public void RoundTripsArbitraryStrings()
    {
        var t = Trained.Value;
        var anyCodeUnits = Gen.Choose(0, 0xFFFF).Select(c => (char)c).ArrayOf().Select(chars => new string(chars));
        Prop.ForAll(anyCodeUnits.ToArbitrary(), Matches).QuickCheckThrowOnFailure();
        Prop.ForAll<string>(Matches).QuickCheckThrowOnFailure();
        var unicode = Gen.Elements("日本語", "🙂", "é", "e\u0301", " ", "\n", ":", "7", "ab", "Ω", "\t", "—", "\u0000")
            .ListOf().Select(parts => string.Concat(parts));
        Prop.ForAll(unicode.ToArbitrary(), s => t.Decode(t.Encode(s)) == s).QuickCheckThrowOnFailure();

        bool Matches(string? s)
        {
            s ??= "";
            string back = t.Decode(t.Encode(s));
            string replaced = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(s));   // lone surrogates → U+FFFD
            return back == replaced && (HasLoneSurrogate(s) || back == s);
        }
    }

    private static bool HasLoneSurrogate(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
            else if (char.IsSurrogate(s[i])) return true;
        }
        return false;
    }

    [Fact]
    public void TrainingIsDeterministicAndIgnoresInputOrder()
    {
        var options = new TextTokenizerOptions(VocabularySize: 350, MinFrequency: 2);
        var a = SubwordTokenizer.Train(Repeated(10), options);
        var b = SubwordTokenizer.Train(Repeated(10), options);
        var shuffled = Repeated(10).ToArray();
        new Random(7).Shuffle(shuffled);
        var c = SubwordTokenizer.Train(shuffled, options);
        Assert.Equal(a.Merges, b.Merges);
        Assert.Equal(a.Merges, c.Merges);
        Assert.Equal(a.Encode(Corpus[3]), c.Encode(Corpus[3]));
    }

    [Fact]
    public void TruncationStopsEarlyAndReportsIt()
    {
        var t = Trained.Value;
        var full = t.Encode(Corpus[0]);
        var buffer = new int[5];
        Assert.Equal(5, t.Encode(Corpus[0], buffer, out bool truncated));
        Assert.True(truncated);
        Assert.Equal(full[..5], buffer);

        var exact = new int[full.Length];
        Assert.Equal(full.Length, t.Encode(Corpus[0], exact, out truncated));
        Assert.False(truncated);
        Assert.Equal(full, exact);

        ITextTokenizer asInterface = t;
        var huge = string.Concat(Enumerable.Repeat("word 123 ", 120_000)) + new string('x', 1_000_000);
        var head = asInterface.Encode(huge, 16, out truncated);
        Assert.True(truncated);
        Assert.Equal(16, head.Length);
        Assert.Empty(asInterface.Encode("", 4, out truncated));
        Assert.False(truncated);
    }

    [Fact]
    public void BudgetedEncodingIsThePrefixOfTheFullEncoding()
    {
        ITextTokenizer t = Trained.Value;
        Prop.ForAll<string, byte>((s, budget) =>
        {
            s ??= "";
            var full = t.Encode(s);
            var head = t.Encode(s, budget, out bool truncated);
            return head.SequenceEqual(full.Take(budget)) && truncated == (full.Length > budget);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void LongWordsAreCutIntoBoundedPieces()
    {
        var t = Trained.Value;
        var text = new string('a', 100_000) + string.Concat(Enumerable.Repeat("🙂", 50_000));
        Assert.Equal(text, t.Decode(t.Encode(text)));
    }

    [Fact]
    public void PersistedFormRebuildsTheSameTokenizer()
    {
        var t = Trained.Value;
        var json = JsonSerializer.Serialize(t.Spec);
        var back = TextTokenizers.FromSpec(JsonSerializer.Deserialize<TextTokenizerSpec>(json)!);
        Assert.IsType<SubwordTokenizer>(back);
        Assert.Equal(t.VocabularySize, back.VocabularySize);
        Assert.Equal(TextTokenizerSpec.SubwordBpe, back.Spec.Kind);
        foreach (var text in Corpus) Assert.Equal(t.Encode(text), back.Encode(text));
        Assert.Equal(json, JsonSerializer.Serialize(back.Spec));
    }

    [Fact]
    public void BadSpecsAndOptionsAreUserErrors()
    {
        Assert.Throws<DecoRegException>(() => TextTokenizers.FromSpec(new TextTokenizerSpec("word2vec", 10)));
        Assert.Throws<DecoRegException>(() => TextTokenizers.FromSpec(new TextTokenizerSpec(TextTokenizerSpec.SubwordBpe, 257) { Merges = [300, 1] }));
        Assert.Throws<DecoRegException>(() => TextTokenizers.FromSpec(new TextTokenizerSpec(TextTokenizerSpec.SubwordBpe, 257) { Merges = ['1', '2'] }));
        Assert.Throws<DecoRegException>(() => TextTokenizers.FromSpec(new TextTokenizerSpec(TextTokenizerSpec.SubwordBpe, 300) { Merges = [97, 98] }));
        Assert.Throws<DecoRegException>(() => TextTokenizers.Train(Corpus, new TextTokenizerOptions(VocabularySize: 100)));
        Assert.Throws<DecoRegException>(() => TextTokenizers.Train(Corpus, new TextTokenizerOptions(MinFrequency: 0)));
    }

    [Fact]
    public void EmptyAndNullTextsAreHandled()
    {
        var t = SubwordTokenizer.Train([null, "", "a"], new TextTokenizerOptions());
        Assert.Equal(SubwordTokenizer.ByteCount, t.VocabularySize);
        Assert.Empty(t.Encode(""));
        Assert.Equal("", t.Decode([]));
    }
}
