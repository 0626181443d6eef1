using System.Text;
using DecoReg.Inputs.Text;
using Xunit.Abstractions;

namespace DecoReg.Tests.Inputs.Text;

public class DebianTokenizerTests(ITestOutputHelper output)
{
    [Fact]
    public void TrainsOnRealRecordsAndCompressesThem()
    {
        var records = DebianRecords.Read(DebianRecords.TrainPath, limit: 2_500);
        var train = records.Take(2_000).ToList();
        var heldOut = records.Skip(2_000).ToList();
        var tokenizer = TextTokenizers.Train(train, new TextTokenizerOptions());
        Assert.Equal(TextTokenizerOptions.DefaultVocabularySize, tokenizer.VocabularySize);

        double bytes = heldOut.Average(r => Encoding.UTF8.GetByteCount(r));
        double tokens = heldOut.Average(r => tokenizer.Encode(r).Length);
        output.WriteLine($"held-out records: {bytes:F0} UTF-8 bytes, {tokens:F0} tokens per record ({bytes / tokens:F2} bytes per token)");
        Assert.True(tokens < 0.4 * bytes, $"{tokens:F0} tokens per record for {bytes:F0} bytes");
        Assert.All(heldOut, r => Assert.Equal(r, tokenizer.Decode(tokenizer.Encode(r))));
    }
}
