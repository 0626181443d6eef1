using System.Net;
using System.Net.Http.Headers;
using DecoReg.Server;

namespace DecoReg.Tests.Server;

/// <summary>API keys: every route but the health probes needs the bearer key; exposed addresses need a key.</summary>
public class ServerAuthTests
{
    private const string Key = "0123456789abcdef-test-key";

    [Fact]
    public async Task WithAKey_EveryRouteButHealthNeedsIt()
    {
        await using var server = await TestServer.StartAsync(o => o with { ApiKey = Key });
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/readyz")).StatusCode);
        foreach (var path in new[] { "/v1/models", "/v1/models/yacht", "/metrics" })
        {
            var refused = await server.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal("Bearer", refused.Headers.WwwAuthenticate.Single().Scheme);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }
        var rows = new { rows = TestServer.YachtRows(1).Rows };
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Predict(rows)).StatusCode);
        server.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Predict(rows)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.PostAsync("/v1/models/yacht/reload", null)).StatusCode);

        server.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        Assert.Equal(HttpStatusCode.OK, (await server.Predict(rows)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/metrics")).StatusCode);
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://127.0.0.1:5080;http://192.168.1.10:5080")]
    [InlineData("http://example.com:80")]
    public void ExposedAddresses_NeedAKey(string urls)
    {
        var options = new ServerOptions { Models = new Dictionary<string, string> { ["m"] = "m.decoreg" }, Urls = urls };
        var error = Assert.Throws<DecoRegException>(options.Validate);
        Assert.Contains("--api-key", error.Message);
        (options with { ApiKey = Key }).Validate();
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://localhost:0", true)]
    [InlineData("http://[::1]:8080", true)]
    [InlineData("http://[::]:8080", false)]
    [InlineData("http://+:8080", false)]
    public void Loopback_IsToldApart(string url, bool loopback) => Assert.Equal(loopback, ListenAddresses.IsLoopback(url));

    [Fact]
    public void ServeCommand_RefusesAnExposedAddressWithoutKey()
    {
        var err = new StringWriter();
        int code = DecoReg.Cli.DecoRegApp.Run(["serve", "--model", "y=" + TestServer.FixturePath, "--urls", "http://0.0.0.0:5080"], new StringWriter(), err);
        Assert.Equal(2, code);
        Assert.Contains("refusing to serve it without --api-key", err.ToString());
    }
}
