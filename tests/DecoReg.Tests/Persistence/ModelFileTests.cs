using System.Buffers.Binary;
using System.Text;
using DecoReg.Persistence;

namespace DecoReg.Tests.Persistence;

public sealed class ModelFileTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("decoreg-modelfile-").FullName;

    public void Dispose() => Directory.Delete(this.dir, recursive: true);

    private string PathOf(string name) => Path.Combine(this.dir, name);

    private static ModelFileContents Sample(int weightBytes = 1000)
    {
        var weights = new byte[weightBytes];
        new Random(5).NextBytes(weights);
        return new ModelFileContents("{\"codec\":\"normalized\",\"name\":\"Zürich ✓\"}", weights);
    }

    /// <summary>Writes a valid file and returns its bytes.</summary>
    private byte[] WriteSample(string path, int weightBytes = 1000)
    {
        ModelFile.Write(path, Sample(weightBytes), overwrite: false);
        return File.ReadAllBytes(path);
    }

    private static DecoRegException ReadFails(string path) => Assert.Throws<DecoRegException>(() => ModelFile.Read(path));

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    [InlineData(70_000)]
    public void RoundTrip(int weightBytes)
    {
        string path = PathOf("m.decoreg");
        var contents = Sample(weightBytes);
        ModelFile.Write(path, contents, overwrite: false);
        var read = ModelFile.Read(path);
        Assert.Equal(contents.ConfigJson, read.ConfigJson);
        Assert.Equal(contents.Weights, read.Weights);
        // Layout: magic, version 1, lengths, 32-byte SHA-256 at the end.
        var bytes = File.ReadAllBytes(path);
        Assert.Equal("DECOREG\0"u8.ToArray(), bytes[..8]);
        Assert.Equal(1u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8)));
        int configLength = Encoding.UTF8.GetByteCount(contents.ConfigJson);
        Assert.Equal(16 + configLength + 8 + weightBytes + 32, bytes.Length);
        Assert.Equal(new[] { "m.decoreg" }, Directory.GetFiles(this.dir).Select(f => Path.GetFileName(f)).ToArray()); // no temp left
    }

    [Fact]
    public void OverwriteFalseRefusesAndLeavesFileUntouched()
    {
        string path = PathOf("m.decoreg");
        var before = WriteSample(path);
        var e = Assert.Throws<DecoRegException>(() =>
            ModelFile.Write(path, new ModelFileContents("{}", [1, 2, 3]), overwrite: false));
        Assert.Contains(path, e.Message);
        Assert.Contains("exists; pass --force to overwrite", e.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(this.dir));
    }

    [Fact]
    public void OverwriteTrueReplaces()
    {
        string path = PathOf("m.decoreg");
        WriteSample(path);
        ModelFile.Write(path, new ModelFileContents("{}", [1, 2, 3]), overwrite: true);
        var read = ModelFile.Read(path);
        Assert.Equal("{}", read.ConfigJson);
        Assert.Equal(new byte[] { 1, 2, 3 }, read.Weights);
        Assert.Single(Directory.GetFiles(this.dir));
    }

    [Fact]
    public void WritesIntoNewSubdirectory()
    {
        string path = Path.Combine(this.dir, "a", "b", "m.decoreg");
        ModelFile.Write(path, Sample(), overwrite: false);
        Assert.Equal(Sample().Weights, ModelFile.Read(path).Weights);
    }

    [Fact]
    public void UnwritableLocationNamesPath()
    {
        string blocker = PathOf("not-a-dir");
        File.WriteAllText(blocker, "x");
        string path = Path.Combine(blocker, "m.decoreg"); // parent is a file: cannot be created, even as root
        var e = Assert.Throws<DecoRegException>(() => ModelFile.Write(path, Sample(), overwrite: true));
        Assert.Contains(path, e.Message);
        Assert.Equal("x", File.ReadAllText(blocker));
    }

    [Fact]
    public void MissingFile()
    {
        string path = PathOf("nope.decoreg");
        var e = ReadFails(path);
        Assert.Contains(path, e.Message);
        Assert.Contains("not found", e.Message);
        var e2 = ReadFails(Path.Combine(this.dir, "no-dir", "m.decoreg"));
        Assert.Contains("not found", e2.Message);
    }

    [Fact]
    public void TruncatedAtManyLengths()
    {
        string path = PathOf("m.decoreg");
        var bytes = WriteSample(path);
        int configLength = bytes.Length - 1000 - 56;
        int[] lengths = [0, 3, 8, 11, 12, 15, 16, 20, 16 + configLength, 24 + configLength, 24 + configLength + 500,
            bytes.Length - 32, bytes.Length - 1];
        foreach (int length in lengths)
        {
            string cut = PathOf($"cut{length}.decoreg");
            File.WriteAllBytes(cut, bytes[..length]);
            var e = ReadFails(cut);
            Assert.Contains(cut, e.Message);
            Assert.Contains("truncated", e.Message);
            Assert.Contains($"found {length}", e.Message);
        }
    }

    [Fact]
    public void TruncatedMessageGivesExpectedSize()
    {
        string path = PathOf("m.decoreg");
        var bytes = WriteSample(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 10)]);
        Assert.Contains($"expected at least {bytes.Length} bytes, found {bytes.Length - 10}", ReadFails(path).Message);
    }

    [Fact]
    public void FlippedByteIsCorrupted()
    {
        string path = PathOf("m.decoreg");
        var bytes = WriteSample(path);
        int configLength = bytes.Length - 1000 - 56;
        int[] positions = [16, 16 + configLength / 2, 24 + configLength, 24 + configLength + 999, bytes.Length - 32, bytes.Length - 1];
        foreach (int position in positions)
        {
            var damaged = (byte[])bytes.Clone();
            damaged[position] ^= 0x40;
            string bad = PathOf($"flip{position}.decoreg");
            File.WriteAllBytes(bad, damaged);
            var e = ReadFails(bad);
            Assert.Contains(bad, e.Message);
            Assert.Contains("corrupted", e.Message);
        }
    }

    [Fact]
    public void TrailingBytesAreCorrupted()
    {
        string path = PathOf("m.decoreg");
        var bytes = WriteSample(path);
        File.WriteAllBytes(path, [.. bytes, 0, 0]);
        Assert.Contains("corrupted", ReadFails(path).Message);
    }

    [Fact]
    public void CsvIsNotAModelFile()
    {
        string path = PathOf("data.csv");
        File.WriteAllText(path, "x1,x2,y\n1,2,3\n4,5,6\n");
        var e = ReadFails(path);
        Assert.Contains(path, e.Message);
        Assert.Contains("not a DecoReg model file", e.Message);
        File.WriteAllText(path, "x"); // short foreign file
        Assert.Contains("not a DecoReg model file", ReadFails(path).Message);
    }

    [Fact]
    public void OtherVersionIsReported()
    {
        string path = PathOf("m.decoreg");
        var bytes = WriteSample(path);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), 7);
        File.WriteAllBytes(path, bytes);
        var e = ReadFails(path);
        Assert.Contains(path, e.Message);
        Assert.Contains("unsupported format version 7", e.Message);
        Assert.Contains("reads 1", e.Message);
    }

    [Fact]
    public void GarbageLengthsDoNotAllocate()
    {
        string path = PathOf("m.decoreg");
        var bytes = WriteSample(path);
        var hugeConfig = (byte[])bytes.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(hugeConfig.AsSpan(12), uint.MaxValue);
        File.WriteAllBytes(path, hugeConfig);
        Assert.Contains("truncated", ReadFails(path).Message);

        int configLength = bytes.Length - 1000 - 56;
        var hugeWeights = (byte[])bytes.Clone();
        BinaryPrimitives.WriteUInt64LittleEndian(hugeWeights.AsSpan(16 + configLength), ulong.MaxValue);
        File.WriteAllBytes(path, hugeWeights);
        Assert.Contains("truncated", ReadFails(path).Message);
    }
}
