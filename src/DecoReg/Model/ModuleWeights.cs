using static TorchSharp.torch;

namespace DecoReg.Model;

/// <summary>
/// A network's weights as bytes in TorchSharp's state-dictionary format (entry count, then name and tensor per
/// entry), read by name so that files written before a module was restructured still load: names are passed through
/// <see cref="CurrentName"/> first.
/// </summary>
public static class ModuleWeights
{
    public static byte[] Save(nn.Module module)
    {
        using var stream = new MemoryStream();
        module.save(stream); // closes the stream; ToArray still works
        return stream.ToArray();
    }

    /// <summary>
    /// Loads every entry into the module's tensor of the same (current) name; a missing, extra or misshapen entry
    /// throws. The module must be on the CPU.
    /// </summary>
    public static void Load(nn.Module module, byte[] weights)
    {
        var state = module.state_dict();
        using var reader = new BinaryReader(new MemoryStream(weights));
        long entries = ReadCount(reader);
        if (entries != state.Count) throw new InvalidDataException($"{entries} weight tensors stored, the network has {state.Count}");
        for (long i = 0; i < entries; i++)
        {
            string name = CurrentName(reader.ReadString());
            if (!state.TryGetValue(name, out var tensor)) throw new InvalidDataException($"the network has no weights named '{name}'");
            tensor.Load(reader);
        }
    }

    /// <summary>
    /// The current name of a stored weight: before the encoder became a module of its own, the encoder–decoder held
    /// <c>embedding.*</c>, <c>encoder.N.*</c> and <c>encoderNorm.*</c> directly; they are now
    /// <c>encoder.embedding.*</c>, <c>encoder.layers.N.*</c> and <c>encoder.norm.*</c>.
    /// </summary>
    public static string CurrentName(string stored)
    {
        if (stored.StartsWith("embedding.", StringComparison.Ordinal)) return "encoder." + stored;
        if (stored.StartsWith("encoderNorm.", StringComparison.Ordinal)) return "encoder.norm." + stored["encoderNorm.".Length..];
        if (stored.StartsWith("encoder.", StringComparison.Ordinal) && stored.Length > 8 && char.IsAsciiDigit(stored[8]))
            return "encoder.layers." + stored["encoder.".Length..];
        return stored;
    }

    /// <summary>Copies every weight of <paramref name="from"/> into the same-named tensor of <paramref name="to"/> (same architecture).</summary>
    public static void Copy(nn.Module from, nn.Module to)
    {
        var source = from.state_dict();
        using var noGrad = torch.no_grad();
        foreach (var (name, tensor) in to.state_dict()) tensor.copy_(source[name]);
    }

    /// <summary>
    /// Freezes the parameters whose names start with <paramref name="prefix"/> (e.g. "encoder."): they keep their values
    /// and the trainer leaves them out of its optimizer. Returns how many tensors were frozen.
    /// </summary>
    public static int Freeze(nn.Module module, string prefix)
    {
        int frozen = 0;
        foreach (var (name, parameter) in module.named_parameters())
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                parameter.requires_grad = false;
                frozen++;
            }
        return frozen;
    }

    /// <summary>The entry count, written as a 7-bit variable-length integer (as TorchSharp writes it).</summary>
    private static long ReadCount(BinaryReader reader)
    {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            byte b = reader.ReadByte();
            value |= (long)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return value;
        }
        throw new InvalidDataException("the weights' entry count is malformed");
    }
}
