using DecoReg.Inputs.Text;

namespace DecoReg.Tests.Inputs.Text;

public class TextSegmenterTests
{
    private static List<string> Pieces(string text)
    {
        var pieces = new List<string>();
        for (int start = 0; start < text.Length;)
        {
            int end = TextSegmenter.PieceEnd(text, start);
            Assert.True(end > start);
            pieces.Add(text[start..end]);
            start = end;
        }
        return pieces;
    }

    [Fact]
    public void SplitsWordsPunctuationDigitsAndLineStructure()
    {
        Assert.Equal(["package", ":", " libfoo", "-", "dev", "\n", "version", ":", " ", "1", ".", "2", "\n"],
            Pieces("package: libfoo-dev\nversion: 1.2\n"));
        Assert.Equal(["depends", ":", " libc", "6", " (>=", " ", "2", ")"], Pieces("depends: libc6 (>= 2)"));
        Assert.Equal(["a", "   ", " b", "\t", "\r", "\n"], Pieces("a    b\t\r\n"));
        Assert.Equal(["héllo", " 日本", " 🙂"], Pieces("héllo 日本 🙂"));
    }

    [Fact]
    public void PiecesAreBoundedAndNeverSplitASurrogatePair()
    {
        var text = "!" + string.Concat(Enumerable.Repeat("🙂", 100));
        var pieces = Pieces(text);
        Assert.All(pieces, p => Assert.InRange(p.Length, 1, TextSegmenter.MaxPieceChars));
        Assert.All(pieces.Skip(1), p => Assert.False(char.IsLowSurrogate(p[0])));
        Assert.Equal(text, string.Concat(pieces));
    }
}
