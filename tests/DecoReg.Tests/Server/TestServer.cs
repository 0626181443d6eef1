using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DecoReg.Data;
using DecoReg.Server;
using DecoReg.Tests.Data;

namespace DecoReg.Tests.Server;

/// <summary>
/// A real <see cref="PredictionServer"/> on Kestrel at 127.0.0.1 with a free port, serving a copy of the yacht fixture
/// model as "yacht" (a copy, so reload tests can overwrite it), and an <see cref="HttpClient"/> pointed at it.
/// </summary>
internal sealed class TestServer : IAsyncDisposable
{
    private readonly TempDir dir = new();

    private TestServer(Func<ServerOptions, ServerOptions>? configure)
    {
        ModelPath = Path.Combine(dir.FullPath, "yacht.decoreg");
        File.Copy(FixturePath, ModelPath);
        var options = new ServerOptions { Models = new Dictionary<string, string> { ["yacht"] = ModelPath }, Urls = "http://127.0.0.1:0" };
        Server = PredictionServer.Create(configure is null ? options : configure(options), logging => { });
    }

    public static string FixturePath => Path.Combine(AppContext.BaseDirectory, "Fixtures", "yacht-v1.decoreg");

    public string ModelPath { get; }
    public PredictionServer Server { get; }
    public HttpClient Client { get; private set; } = null!;

    public static async Task<TestServer> StartAsync(Func<ServerOptions, ServerOptions>? configure = null)
    {
        var server = new TestServer(configure);
        await server.Server.StartAsync();
        server.Client = new HttpClient { BaseAddress = new Uri(server.Server.Addresses.Single()), Timeout = TimeSpan.FromMinutes(2) };
        return server;
    }

    /// <summary>The yacht test rows of split 0 as JSON objects with the model's column names.</summary>
    public static (Table Features, List<Dictionary<string, object?>> Rows) YachtRows(int count)
    {
        var (_, test) = UciDataset.LoadSplit(TestData.Path("uci", "yacht"), 0);
        var features = test.Features.Select(Enumerable.Range(0, count).ToArray());
        var rows = new List<Dictionary<string, object?>>();
        for (int r = 0; r < count; r++)
            rows.Add(features.Columns.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => (object?)double.Parse(features.Cell(r, p.i)!, System.Globalization.CultureInfo.InvariantCulture)));
        return (features, rows);
    }

    public Task<HttpResponseMessage> PostJson(string path, string json, CancellationToken cancellation = default) =>
        Client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), cancellation);

    public Task<HttpResponseMessage> Predict(object body, CancellationToken cancellation = default) =>
        Client.PostAsJsonAsync("/v1/models/yacht/predict", body, cancellation);

    public static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        await Server.DisposeAsync();
        dir.Dispose();
    }
}
