using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace DecoReg.Server;

/// <summary>
/// With an API key, every route but the health probes needs <c>Authorization: Bearer KEY</c>; otherwise 401
/// problem+json. Keys are compared in constant time (hashes of equal length, <see cref="CryptographicOperations.FixedTimeEquals"/>).
/// </summary>
internal sealed class ApiKeyCheck(string key)
{
    private readonly byte[] expected = SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public static bool IsOpen(PathString path) => path.Equals("/healthz") || path.Equals("/readyz");

    public bool Allows(HttpRequest request)
    {
        string header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return false;
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }

    public async Task Invoke(HttpContext context, RequestDelegate next)
    {
        if (IsOpen(context.Request.Path) || Allows(context.Request))
        {
            await next(context).ConfigureAwait(false);
            return;
        }
        context.Response.Headers.WWWAuthenticate = "Bearer";
        await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
            detail: "this server needs an API key: send the header 'Authorization: Bearer KEY'.").ExecuteAsync(context).ConfigureAwait(false);
    }
}
