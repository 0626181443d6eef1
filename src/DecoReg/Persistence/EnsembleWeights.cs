using System.Buffers.Binary;

namespace DecoReg.Persistence;

/// <summary>
/// The weights section of a model file holding several networks: a single network's weights are stored as they are
/// (the format of one-network files), several as a sequence of (8-byte little-endian length, weights) records.
/// </summary>
public static class EnsembleWeights
{
    public static byte[] Join(IReadOnlyList<byte[]> parts)
    {
        if (parts.Count == 1) return parts[0];
        var result = new byte[parts.Sum(p => 8L + p.Length)];
        int offset = 0;
        foreach (var part in parts)
        {
            BinaryPrimitives.WriteInt64LittleEndian(result.AsSpan(offset), part.Length);
            part.CopyTo(result, offset + 8);
            offset += 8 + part.Length;
        }
        return result;
    }

    /// <summary>Splits into <paramref name="count"/> networks' weights; a mismatch is an <see cref="InvalidDataException"/>.</summary>
    public static IReadOnlyList<byte[]> Split(byte[] weights, int count)
    {
        if (count == 1) return [weights];
        var parts = new List<byte[]>();
        long offset = 0;
        for (int m = 0; m < count; m++)
        {
            if (weights.Length - offset < 8) throw new InvalidDataException($"the weights of network {m + 1} of {count} are missing");
            long length = BinaryPrimitives.ReadInt64LittleEndian(weights.AsSpan((int)offset));
            if (length < 0 || length > weights.Length - offset - 8) throw new InvalidDataException($"the weights of network {m + 1} of {count} are truncated");
            parts.Add(weights.AsSpan((int)(offset + 8), (int)length).ToArray());
            offset += 8 + length;
        }
        if (offset != weights.Length) throw new InvalidDataException($"{weights.Length - offset} bytes left over after the weights of {count} networks");
        return parts;
    }
}
