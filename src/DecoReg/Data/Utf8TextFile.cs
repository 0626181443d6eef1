using System.Text;

namespace DecoReg.Data;

/// <summary>
/// Opens a text file for the readers as UTF-8 (a UTF-16/32 byte-order mark switches encoding) with every invalid
/// UTF-8 sequence decoded as U+FFFD instead of failing, and counts those replacements so a reader can report how
/// many bytes of a file were not UTF-8. One instance per file read; not thread-safe.
/// </summary>
public sealed class Utf8TextFile : DecoderFallback
{
    private Utf8TextFile()
    {
    }

    /// <summary>Invalid byte sequences replaced by U+FFFD so far.</summary>
    public int InvalidSequences { get; private set; }

    public override int MaxCharCount => 1;

    public override DecoderFallbackBuffer CreateFallbackBuffer() => new ReplacementBuffer(this);

    /// <summary>A reader over <paramref name="path"/> and the counter of its invalid UTF-8 sequences.</summary>
    public static StreamReader Open(string path, out Utf8TextFile counter)
    {
        counter = new Utf8TextFile();
        var encoding = Encoding.GetEncoding("utf-8", EncoderFallback.ReplacementFallback, counter);
        return new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true);
    }

    private sealed class ReplacementBuffer(Utf8TextFile owner) : DecoderFallbackBuffer
    {
        private int remaining;

        public override int Remaining => remaining;

        public override bool Fallback(byte[] bytesUnknown, int index)
        {
            owner.InvalidSequences++;
            remaining = 1;
            return true;
        }

        public override char GetNextChar()
        {
            if (remaining == 0) return '\0';
            remaining--;
            return '\uFFFD';
        }

        public override bool MovePrevious()
        {
            if (remaining > 0) return false;
            remaining = 1;
            return true;
        }

        public override void Reset() => remaining = 0;
    }
}
