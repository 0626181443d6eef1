// MSBuild task (compiled by RoslynCodeTaskFactory): lets libLibTorchSharp.so load on hosts whose libstdc++
// predates GCC 13. The library's only use of GLIBCXX_3.4.32 is the symbol _ZSt21ios_base_library_initv,
// which <iostream> references but never calls. Marking that version need VER_FLG_WEAK (.gnu.version_r) and the
// symbol STB_WEAK (.dynsym) makes the dynamic loader accept the library. Hand-written because no NuGet package
// edits ELF version tables, and patchelf / Python are not allowed as build dependencies.
#nullable enable
using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public class DecoRegWeakenGlibcxxNeed : Task
{
    const string Version = "GLIBCXX_3.4.32";
    const string Symbol = "_ZSt21ios_base_library_initv";
    const uint ShtDynsym = 11, ShtGnuVerneed = 0x6ffffffe, ShtGnuVersym = 0x6fffffff;
    const ushort VerFlgWeak = 0x2;
    const byte StbWeak = 2;

    [Required] public string[] Directories { get; set; } = Array.Empty<string>();

    public override bool Execute()
    {
        string? host = FindHostLibStdCxx();
        if (host == null)
        {
            Log.LogMessage(MessageImportance.Low, "DecoReg: no libstdc++.so.6 found on this host; libLibTorchSharp.so left as is.");
            return true;
        }
        if (Contains(File.ReadAllBytes(host), Encoding.ASCII.GetBytes(Version + "\0")))
        {
            Log.LogMessage(MessageImportance.Low, $"DecoReg: {host} provides {Version}; libLibTorchSharp.so left as is.");
            return true;
        }
        foreach (string dir in Directories)
        {
            if (!Directory.Exists(dir)) continue;
            foreach (string lib in Directory.GetFiles(dir, "libLibTorchSharp.so", SearchOption.AllDirectories))
            {
                try
                {
                    string result = Patch(lib);
                    Log.LogMessage(MessageImportance.Normal, $"DecoReg: {lib}: {result}");
                }
                catch (Exception e)
                {
                    Log.LogError($"DecoReg: could not patch {lib} for a libstdc++ without {Version}: {e.Message}");
                    return false;
                }
            }
        }
        return !Log.HasLoggedErrors;
    }

    static string? FindHostLibStdCxx()
    {
        string[] candidates =
        {
            "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6",
            "/usr/lib64/libstdc++.so.6", "/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6",
        };
        foreach (string c in candidates) if (File.Exists(c)) return c;
        return null;
    }

    static bool Contains(byte[] haystack, byte[] needle)
    {
        for (int i = 0; i + needle.Length <= haystack.Length; i++)
        {
            if (haystack[i] != needle[0]) continue;
            int j = 1;
            while (j < needle.Length && haystack[i + j] == needle[j]) j++;
            if (j == needle.Length) return true;
        }
        return false;
    }

    /// <summary>Patches the file in place (a few bytes); returns what was done.</summary>
    static string Patch(string path)
    {
        byte[] b = File.ReadAllBytes(path);
        if (b.Length < 64 || b[0] != 0x7f || b[1] != (byte)'E' || b[2] != (byte)'L' || b[3] != (byte)'F')
            throw new InvalidDataException("not an ELF file");
        if (b[4] != 2 || b[5] != 1) throw new InvalidDataException("not a 64-bit little-endian ELF file");

        long shoff = (long)BitConverter.ToUInt64(b, 0x28);
        int shentsize = BitConverter.ToUInt16(b, 0x3A), shnum = BitConverter.ToUInt16(b, 0x3C);
        long verneedOff = -1, dynsymOff = -1, versymOff = -1; int verneedCount = 0, dynsymCount = 0; long dynstrOff = -1;
        for (int i = 0; i < shnum; i++)
        {
            long h = shoff + (long)i * shentsize;
            uint type = BitConverter.ToUInt32(b, (int)h + 4);
            long off = (long)BitConverter.ToUInt64(b, (int)h + 24);
            long size = (long)BitConverter.ToUInt64(b, (int)h + 32);
            uint link = BitConverter.ToUInt32(b, (int)h + 40);
            uint info = BitConverter.ToUInt32(b, (int)h + 44);
            if (type == ShtGnuVerneed) { verneedOff = off; verneedCount = (int)info; dynstrOff = SectionOffset(b, shoff, shentsize, (int)link); }
            else if (type == ShtDynsym) { dynsymOff = off; dynsymCount = (int)(size / 24); }
            else if (type == ShtGnuVersym) versymOff = off;
        }
        if (verneedOff < 0 || dynsymOff < 0 || versymOff < 0 || dynstrOff < 0)
            throw new InvalidDataException("missing .gnu.version_r, .gnu.version or .dynsym");

        int versionIndex = -1; bool changed = false;
        long vn = verneedOff;
        for (int n = 0; n < verneedCount; n++)
        {
            int cnt = BitConverter.ToUInt16(b, (int)vn + 2);
            long aux = vn + BitConverter.ToUInt32(b, (int)vn + 8);
            for (int a = 0; a < cnt; a++)
            {
                uint name = BitConverter.ToUInt32(b, (int)aux + 8);
                if (ReadString(b, dynstrOff + name) == Version)
                {
                    ushort flags = BitConverter.ToUInt16(b, (int)aux + 4);
                    versionIndex = BitConverter.ToUInt16(b, (int)aux + 6);
                    if ((flags & VerFlgWeak) == 0) { WriteUInt16(b, aux + 4, (ushort)(flags | VerFlgWeak)); changed = true; }
                }
                aux += BitConverter.ToUInt32(b, (int)aux + 12);
            }
            vn += BitConverter.ToUInt32(b, (int)vn + 12);
        }
        if (versionIndex < 0) return $"does not need {Version}; left as is";

        int patchedSymbols = 0;
        for (int i = 0; i < dynsymCount; i++)
        {
            int ver = BitConverter.ToUInt16(b, (int)(versymOff + 2L * i)) & 0x7fff;
            if (ver != versionIndex) continue;
            long sym = dynsymOff + 24L * i;
            string name = ReadString(b, dynstrOff + BitConverter.ToUInt32(b, (int)sym));
            ushort shndx = BitConverter.ToUInt16(b, (int)sym + 6);
            if (name != Symbol || shndx != 0)
                throw new InvalidDataException($"symbol {name} also needs {Version}; weakening it would be unsafe");
            byte info = b[sym + 4];
            if (info >> 4 != StbWeak) { b[sym + 4] = (byte)((StbWeak << 4) | (info & 0xf)); changed = true; }
            patchedSymbols++;
        }
        if (!changed) return $"{Version} need already weak";

        string tmp = path + ".decoreg-patch.tmp";
        File.WriteAllBytes(tmp, b);
        File.Copy(tmp, path, true);
        File.Delete(tmp);
        return $"made the {Version} need and {patchedSymbols} symbol(s) weak so that it loads with this host's libstdc++";
    }

    static long SectionOffset(byte[] b, long shoff, int shentsize, int index) =>
        (long)BitConverter.ToUInt64(b, (int)(shoff + (long)index * shentsize + 24));

    static string ReadString(byte[] b, long off)
    {
        int end = (int)off;
        while (end < b.Length && b[end] != 0) end++;
        return Encoding.ASCII.GetString(b, (int)off, end - (int)off);
    }

    static void WriteUInt16(byte[] b, long off, ushort v) { b[off] = (byte)v; b[off + 1] = (byte)(v >> 8); }
}
