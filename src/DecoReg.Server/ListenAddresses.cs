using System.Net;

namespace DecoReg.Server;

/// <summary>Tells loopback listen URLs (this machine only) from ones other machines can reach.</summary>
public static class ListenAddresses
{
    /// <summary>The URLs of a semicolon-separated list that are not loopback ("*", "+", 0.0.0.0, host names, LAN IPs).</summary>
    public static IReadOnlyList<string> NonLoopback(string urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var result = new List<string>();
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (!IsLoopback(url)) result.Add(url);
        return result;
    }

    /// <summary>True for localhost, 127.0.0.0/8 and ::1; a URL that does not parse counts as exposed.</summary>
    public static bool IsLoopback(string url)
    {
        int scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0) return false;
        string rest = url[(scheme + 3)..];
        int slash = rest.IndexOf('/');
        if (slash >= 0) rest = rest[..slash];
        string host = rest.StartsWith('[') ? rest[1..Math.Max(1, rest.IndexOf(']'))] : rest.Split(':')[0];
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip);
    }
}
