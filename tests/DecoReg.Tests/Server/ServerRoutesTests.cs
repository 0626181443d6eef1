using System.Net;
using DecoReg.Inference;

namespace DecoReg.Tests.Server;

/// <summary>Every route of a real server answers, and predictions equal the library's own <c>PredictBatch</c> on the same rows.</summary>
public class ServerRoutesTests
{
    [Fact]
    public async Task Predict_EqualsPredictBatchOnTheSameRows()
    {
        await using var server = await TestServer.StartAsync();
        var (features, rows) = TestServer.YachtRows(12);
        using var model = DecodingRegressor.Load(TestServer.FixturePath);
        var expected = model.PredictBatch(features);

        var response = await server.Predict(new { rows, quantiles = new[] { 0.1, 0.5, 0.9 }, interval = 0.8, density = true });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await TestServer.Json(response);
        Assert.Equal("yacht", body.GetProperty("model").GetString());
        Assert.Equal(1, body.GetProperty("modelVersion").GetInt32());
        var predictions = body.GetProperty("predictions").EnumerateArray().ToArray();
        Assert.Equal(12, predictions.Length);
        for (int i = 0; i < predictions.Length; i++)
        {
            var p = predictions[i];
            Distribution d = expected[i];
            Assert.Equal(d.Mean, p.GetProperty("mean").GetDouble());
            Assert.Equal(d.Median, p.GetProperty("median").GetDouble());
            Assert.Equal(d.StdDev, p.GetProperty("std").GetDouble());
            var q = p.GetProperty("quantiles").EnumerateArray().ToArray();
            Assert.Equal([0.1, 0.5, 0.9], q.Select(x => x.GetProperty("q").GetDouble()));
            Assert.Equal(new[] { 0.1, 0.5, 0.9 }.Select(d.Quantile), q.Select(x => x.GetProperty("value").GetDouble()));
            var interval = d.Interval(0.8);
            Assert.Equal(interval.Low, p.GetProperty("interval").GetProperty("low").GetDouble());
            Assert.Equal(interval.High, p.GetProperty("interval").GetProperty("high").GetDouble());
            var density = p.GetProperty("density");
            Assert.Equal(d.Values.ToArray(), density.GetProperty("values").EnumerateArray().Select(x => x.GetDouble()));
            Assert.Equal(d.Probabilities.ToArray(), density.GetProperty("probabilities").EnumerateArray().Select(x => x.GetDouble()));
            Assert.Equal(d.BinLows.Length, density.GetProperty("binLows").GetArrayLength());
            var steps = density.GetProperty("steps").EnumerateArray().ToArray();
            Assert.Equal(d.DensitySteps().Count, steps.Length);
            Assert.Equal(d.DensitySteps().Select(s => s.Density), steps.Select(s => s.GetProperty("density").GetDouble()));
            Assert.Equal(1 - d.Probabilities.ToArray().Where((_, a) => d.BinHighs[a] == d.BinLows[a]).Sum(),
                steps.Sum(s => s.GetProperty("density").GetDouble() * (s.GetProperty("high").GetDouble() - s.GetProperty("low").GetDouble())), 1e-9);
        }
    }

    [Fact]
    public async Task ConcurrentRequests_AreBatchedAndAnsweredEach()
    {
        await using var server = await TestServer.StartAsync(o => o with { MaxWaitMs = 50 });
        var (features, rows) = TestServer.YachtRows(16);
        using var model = DecodingRegressor.Load(TestServer.FixturePath);
        var expected = model.PredictBatch(features);

        var responses = await Task.WhenAll(rows.Select(row => server.Predict(new { rows = new[] { row } })));
        for (int i = 0; i < responses.Length; i++)
        {
            Assert.Equal(HttpStatusCode.OK, responses[i].StatusCode);
            var p = (await TestServer.Json(responses[i])).GetProperty("predictions")[0];
            Tolerance.AssertClose(expected[i].Mean, p.GetProperty("mean").GetDouble(), Tolerance.Batched, 1e-12);
            Assert.False(p.TryGetProperty("density", out _)); // only when asked
            Assert.Equal(3, p.GetProperty("quantiles").GetArrayLength()); // default 0.05, 0.5, 0.95
        }
        string metrics = await server.Client.GetStringAsync("/metrics");
        Assert.Contains("decoreg_batch_rows_count{model=\"yacht\"}", metrics);
        Assert.Contains("decoreg_predicted_rows_total{model=\"yacht\"} 16", metrics);
    }

    [Fact]
    public async Task InfoRoutes_DescribeTheModelAndHealth()
    {
        await using var server = await TestServer.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/healthz")).StatusCode);
        var ready = await server.Client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);

        var list = await TestServer.Json(await server.Client.GetAsync("/v1/models"));
        var only = Assert.Single(list.GetProperty("models").EnumerateArray());
        Assert.Equal("yacht", only.GetProperty("name").GetString());

        var info = await TestServer.Json(await server.Client.GetAsync("/v1/models/yacht"));
        Assert.Equal("table", info.GetProperty("input").GetProperty("mode").GetString());
        Assert.Equal(6, info.GetProperty("input").GetProperty("columns").GetArrayLength());
        Assert.Equal("normalized", info.GetProperty("codec").GetProperty("kind").GetString());
        Assert.Equal(1, info.GetProperty("training").GetProperty("networks")[0].GetProperty("epochs").GetInt32());

        var unknown = await server.Client.GetAsync("/v1/models/nope");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Contains("'yacht'", (await TestServer.Json(unknown)).GetProperty("detail").GetString());

        await server.Predict(new { rows = TestServer.YachtRows(1).Rows });
        string metrics = await server.Client.GetStringAsync("/metrics");
        Assert.Contains("http_requests_received_total{code=\"200\",method=\"POST\"", metrics);
        Assert.Contains("http_request_duration_seconds_bucket", metrics);
        Assert.Contains("decoreg_queue_depth{model=\"yacht\"}", metrics);
    }
}
