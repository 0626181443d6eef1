using System.Net;
using System.Net.Http.Json;
using DecoReg.Data;
using DecoReg.Inputs;
using DecoReg.Model;
using DecoReg.Server;
using DecoReg.Tests.Data;
using DecoReg.Training;

namespace DecoReg.Tests.Server;

/// <summary>A multi-task whole-record text model behind a real server: rows as fields, the task named or per row.</summary>
public class ServerTextTaskTests
{
    private static Dataset Words(string task, double unit, int rows, int seed)
    {
        var rng = new Random(seed);
        string[] kinds = ["tiny", "small", "large"];
        var cells = new List<string?[]>();
        var y = new double[rows];
        for (int i = 0; i < rows; i++)
        {
            int level = rng.Next(kinds.Length);
            cells.Add([$"a {kinds[level]} package", $"v{rng.Next(9)}"]);
            y[i] = unit * Math.Pow(10, level);
        }
        return new Dataset(new Table(task, ["description", "version"], cells), y, task);
    }

    [Fact]
    public async Task Predict_WithATask_EqualsPredictBatch_AndUnknownTasksAre400()
    {
        using var dir = new TempDir();
        string path = Path.Combine(dir.FullPath, "words.decoreg");
        var options = new RegressorOptions
        {
            Inputs = new InputOptions { Mode = InputMode.Text, MaxTokens = 32, Tokenizer = new(VocabularySize: 300) },
            Network = new TransformerOptions { ModelDim = 16, FeedForwardDim = 32 },
            Training = new TrainingOptions { Epochs = 2 },
        };
        using (var model = DecodingRegressor.Pretrain([("kib", Words("kib", 1, 60, 1)), ("mib", Words("mib", 1024, 60, 2))], options))
            model.Save(path);
        using var local = DecodingRegressor.Load(path);
        var probe = Words("probe", 1, 5, 3).Features;
        var expected = local.PredictBatch(probe, task: "mib");

        await using var server = PredictionServer.Create(new ServerOptions { Models = new Dictionary<string, string> { ["words"] = path }, Urls = "http://127.0.0.1:0" }, _ => { });
        await server.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(server.Addresses.Single()) };
        var rows = Enumerable.Range(0, probe.RowCount).Select(r => new Dictionary<string, string?> { ["description"] = probe.Cell(r, 0), ["version"] = probe.Cell(r, 1) }).ToArray();

        var response = await client.PostAsJsonAsync("/v1/models/words/predict", new { rows, task = "mib" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var means = (await TestServer.Json(response)).GetProperty("predictions").EnumerateArray().Select(p => p.GetProperty("mean").GetDouble());
        Assert.Equal(expected.Select(d => d.Mean), means);

        // The task per row, in the task column, mixes tasks in one request.
        var perRow = rows.Select((r, i) => new Dictionary<string, string?>(r) { ["task"] = i % 2 == 0 ? "kib" : "mib" }).ToArray();
        response = await client.PostAsJsonAsync("/v1/models/words/predict", new { rows = perRow });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        response = await client.PostAsJsonAsync("/v1/models/words/predict", new { rows, task = "gib" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'gib' is unknown to this model; it serves 'kib' and 'mib'", await response.Content.ReadAsStringAsync());
        response = await client.PostAsJsonAsync("/v1/models/words/predict", new { rows });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("name the task", await response.Content.ReadAsStringAsync());
        response = await client.PostAsJsonAsync("/v1/models/words/predict", new { rows, task = 3 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);

        var description = await TestServer.Json(await client.GetAsync("/v1/models/words"));
        Assert.Equal(["kib", "mib"], description.GetProperty("tasks").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("text", description.GetProperty("input").GetProperty("mode").GetString());
    }
}
