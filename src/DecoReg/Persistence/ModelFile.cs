using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace DecoReg.Persistence;

/// <summary>
/// The container of one model file. Layout (integers little-endian):
/// <code>
/// offset  size  field
/// 0       8     magic "DECOREG\0"
/// 8       4     format version, uint32 (current = 1)
/// 12      4     config length C, uint32
/// 16      C     config JSON, UTF-8
/// 16+C    8     weights length W, uint64
/// 24+C    W     weights
/// 24+C+W  32    SHA-256 of all bytes before it
/// </code>
/// Writes are atomic (temporary file in the same directory, flushed to disk, then moved over the target). Reads
/// validate every length against the file size before allocating, and report a foreign file, an unsupported version,
/// truncation or corruption as a <see cref="DecoRegException"/> naming the path.
/// </summary>
public static class ModelFile
{
    /// <summary>Version this build writes and reads.</summary>
    public const uint CurrentVersion = 1;

    private static readonly byte[] Magic = "DECOREG\0"u8.ToArray();
    private const int HashSize = 32; // SHA-256
    private const int HeaderSize = 16; // magic + version + config length
    private const int MinimumSize = HeaderSize + 8 + HashSize; // empty config and weights
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Writes <paramref name="contents"/> to <paramref name="path"/> atomically. Throws <see cref="DecoRegException"/>
    /// when the file exists and <paramref name="overwrite"/> is false, or when the file cannot be written; the
    /// temporary file is removed on failure and an existing file is never left half-written.
    /// </summary>
    public static void Write(string path, ModelFileContents contents, bool overwrite)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(contents);
        ArgumentNullException.ThrowIfNull(contents.ConfigJson, nameof(contents));
        ArgumentNullException.ThrowIfNull(contents.Weights, nameof(contents));

        if (!overwrite && File.Exists(path))
            throw ExistsError(path);
        if (Directory.Exists(path))
            throw new DecoRegException($"Cannot write model file '{path}': it is a directory.");

        byte[] config = StrictUtf8.GetBytes(contents.ConfigJson);
        byte[] header = new byte[HeaderSize];
        Magic.CopyTo(header, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(8), CurrentVersion);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(12), (uint)config.Length);
        byte[] weightsLength = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(weightsLength, (ulong)contents.Weights.LongLength);

        string fullPath;
        string directory;
        try
        {
            fullPath = Path.GetFullPath(path);
            directory = Path.GetDirectoryName(fullPath) ?? throw new DecoRegException($"Cannot write model file '{path}': no directory.");
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new DecoRegException($"Cannot write model file '{path}': {e.Message}", e);
        }

        string temp = AtomicFile.TempPath(fullPath);
        try
        {
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                foreach (var part in new[] { header, config, weightsLength, contents.Weights })
                {
                    hash.AppendData(part);
                    stream.Write(part);
                }
                stream.Write(hash.GetHashAndReset());
                stream.Flush(flushToDisk: true);
            }
            if (!overwrite && File.Exists(fullPath))
                throw ExistsError(path);
            File.Move(temp, fullPath, overwrite);
        }
        catch (IOException) when (!overwrite && File.Exists(fullPath))
        {
            throw ExistsError(path); // created by someone else between the check and the move
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DecoRegException($"Cannot write model file '{path}': {e.Message}", e);
        }
        finally
        {
            AtomicFile.TryDelete(temp);
        }
    }

    /// <summary>
    /// Reads and verifies the model file at <paramref name="path"/>. Throws <see cref="DecoRegException"/> naming the
    /// path when it is missing, not a DecoReg model file, of an unsupported format version, truncated or corrupted.
    /// </summary>
    public static ModelFileContents Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes;
        try
        {
            if (Directory.Exists(path))
                throw new DecoRegException($"Model file '{path}' is a directory, not a file.");
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            long length = stream.Length;
            if (length > Array.MaxLength)
                throw new DecoRegException(
                    $"Model file '{path}' is too large ({length} bytes); this build reads files up to {Array.MaxLength} bytes.");
            bytes = new byte[length];
            stream.ReadExactly(bytes);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new DecoRegException($"Model file '{path}' not found.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DecoRegException($"Cannot read model file '{path}': {e.Message}", e);
        }
        return Parse(path, bytes);
    }

    /// <summary>Parses and verifies the bytes of a model file; <paramref name="path"/> is only used in messages.</summary>
    internal static ModelFileContents Parse(string path, byte[] bytes)
    {
        long size = bytes.LongLength;
        int magicBytes = (int)Math.Min(size, Magic.Length);
        if (!bytes.AsSpan(0, magicBytes).SequenceEqual(Magic.AsSpan(0, magicBytes)))
            throw new DecoRegException(
                $"'{path}' is not a DecoReg model file (it does not start with the DECOREG header).");
        if (size < 12)
            throw Truncated(path, MinimumSize, size);

        uint version = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8));
        if (version != CurrentVersion)
            throw new DecoRegException(
                $"Model file '{path}' was written by an unsupported format version {version} (this build reads {CurrentVersion}).");
        if (size < MinimumSize)
            throw Truncated(path, MinimumSize, size);

        long configLength = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(12));
        long needed = MinimumSize + configLength; // lengths checked against the file size before any slicing
        if (needed > size)
            throw Truncated(path, needed, size);
        int weightsLengthOffset = HeaderSize + (int)configLength;
        ulong weightsLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(weightsLengthOffset));
        if (weightsLength > (ulong)size)
            throw Truncated(path, weightsLength > long.MaxValue - (ulong)needed ? long.MaxValue : needed + (long)weightsLength, size);
        needed += (long)weightsLength;
        if (needed > size)
            throw Truncated(path, needed, size);

        int hashOffset = (int)(needed - HashSize);
        byte[] actual = SHA256.HashData(bytes.AsSpan(0, hashOffset));
        if (!CryptographicOperations.FixedTimeEquals(actual, bytes.AsSpan(hashOffset, HashSize)))
            throw new DecoRegException($"Model file '{path}' is corrupted (checksum mismatch).");
        if (needed < size)
            throw new DecoRegException(
                $"Model file '{path}' is corrupted ({size - needed} unexpected bytes after the checksum).");

        string config;
        try
        {
            config = StrictUtf8.GetString(bytes, HeaderSize, (int)configLength);
        }
        catch (DecoderFallbackException e)
        {
            throw new DecoRegException($"Model file '{path}' is corrupted (config is not valid UTF-8).", e);
        }
        byte[] weights = bytes.AsSpan(weightsLengthOffset + 8, (int)weightsLength).ToArray();
        return new ModelFileContents(config, weights);
    }

    private static DecoRegException Truncated(string path, long expected, long found) =>
        new($"Model file '{path}' is truncated (expected at least {expected} bytes, found {found}).");

    private static DecoRegException ExistsError(string path) =>
        new($"Model file '{path}' exists; pass --force to overwrite.");
}
