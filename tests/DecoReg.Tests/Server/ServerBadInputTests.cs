using System.Net;
using System.Text;

namespace DecoReg.Tests.Server;

/// <summary>Every kind of bad input is a 4xx problem+json naming the field or row, never a 5xx.</summary>
public class ServerBadInputTests
{
    private const string Good = "\"x0\": -2.3, \"x1\": 0.568, \"x2\": 4.78, \"x3\": 3.99, \"x4\": 3.17, \"x5\": 0.35";

    public static TheoryData<string, int, string> BadBodies() => new()
    {
        { "{\"rows\": [{" + Good + "}", 400, "body:" },                                       // malformed JSON
        { "not json", 400, "body:" },
        { "{\"rows\": [{\"x0\": NaN, \"x1\": 1}]}", 400, "body:" },                          // NaN is not JSON
        { "[1, 2]", 400, "body: expected a JSON object" },
        { "{}", 400, "rows: missing" },
        { "{\"rows\": []}", 400, "rows: empty" },
        { "{\"rows\": {\"x0\": 1}}", 400, "rows: expected an array" },
        { "{\"rows\": [{" + Good + "}, 7]}", 400, "rows[1]: expected an object" },
        { "{\"rows\": [{" + Good + "}], \"quantile\": [0.5]}", 400, "unknown field 'quantile'" },
        { "{\"rows\": [{" + Good + "}], \"quantiles\": [0.5, 1]}", 400, "quantiles[1]: 1 is outside (0, 1)" },
        { "{\"rows\": [{" + Good + "}], \"quantiles\": [0]}", 400, "quantiles[0]: 0 is outside (0, 1)" },
        { "{\"rows\": [{" + Good + "}], \"quantiles\": [-0.1]}", 400, "quantiles[0]: -0.1 is outside" },
        { "{\"rows\": [{" + Good + "}], \"quantiles\": [1e400]}", 400, "quantiles[0]: 1e400 is outside" },
        { "{\"rows\": [{" + Good + "}], \"quantiles\": [\"0.5\"]}", 400, "quantiles[0]: expected a number" },
        { "{\"rows\": [{" + Good + "}], \"quantiles\": 0.5}", 400, "quantiles: expected an array" },
        { "{\"rows\": [{" + Good + "}], \"interval\": 1.5}", 400, "interval: 1.5 is outside (0, 1)" },
        { "{\"rows\": [{" + Good + "}], \"density\": \"yes\"}", 400, "density: expected true or false" },
        { "{\"rows\": [{" + Good + "}, {\"x0\": \"abc\", \"x1\": 1, \"x2\": 1, \"x3\": 1, \"x4\": 1, \"x5\": 1}]}", 400, "rows: item [1], column 'x0': value 'abc' is not a finite number" },
        { "{\"rows\": [{\"x0\": \"Infinity\", \"x1\": 1, \"x2\": 1, \"x3\": 1, \"x4\": 1, \"x5\": 1}]}", 400, "column 'x0': value 'Infinity' is not a finite number" },
        { "{\"rows\": [{\"x0\": 1e400, \"x1\": 1, \"x2\": 1, \"x3\": 1, \"x4\": 1, \"x5\": 1}]}", 400, "value '1e400' is not a finite number" },
        { "{\"rows\": [{\"x0\": {\"a\": 1}, \"x1\": 1, \"x2\": 1, \"x3\": 1, \"x4\": 1, \"x5\": 1}]}", 400, "missing column(s) 'x0'" }, // nested: x0.a
        { "{\"rows\": [{\"x0\": 1, \"x1\": 1}]}", 400, "missing column(s) 'x2', 'x3', 'x4', 'x5'" },
        { "{\"rows\": [{" + Good + ", \"colour\": \"red\", \"size\": 2}]}", 400, "unexpected column(s) 'colour', 'size'" },
        { "{\"rows\": [{" + Good + ", \"x1\": 2}]}", 400, "key 'x1' occurs twice" },
    };

    [Fact]
    public async Task BadInputs_AreClientErrorsNamingTheField()
    {
        await using var server = await TestServer.StartAsync();
        foreach (var row in BadBodies())
        {
            var (body, status, detail) = ((string)row[0], (int)row[1], (string)row[2]);
            var response = await server.PostJson("/v1/models/yacht/predict", body);
            Assert.True(status == (int)response.StatusCode, $"{body}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            string text = (await TestServer.Json(response)).GetProperty("detail").GetString()!;
            Assert.True(text.Contains(detail, StringComparison.Ordinal), $"{body}: detail '{text}' lacks '{detail}'");
        }
        // after all that, a good request is still answered
        Assert.Equal(HttpStatusCode.OK, (await server.PostJson("/v1/models/yacht/predict", "{\"rows\": [{" + Good + "}]}")).StatusCode);
    }

    [Fact]
    public async Task MissingValues_AndTheRecordedTarget_AreAccepted()
    {
        await using var server = await TestServer.StartAsync();
        // null, "NA" and an absent key in one row of several are missing values (as in a JSON Lines file)
        var response = await server.PostJson("/v1/models/yacht/predict",
            "{\"rows\": [{" + Good + "}, {\"x0\": null, \"x1\": \"NA\", \"x2\": 4.78, \"x3\": 3.99, \"x4\": true, \"x5\": \"0.35\"}]}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode); // true in a numeric column is not a number
        Assert.Contains("item [1], column 'x4': value 'true'", (await TestServer.Json(response)).GetProperty("detail").GetString());
        response = await server.PostJson("/v1/models/yacht/predict",
            "{\"rows\": [{" + Good + "}, {\"x0\": null, \"x1\": \"NA\", \"x2\": 4.78, \"x3\": 3.99, \"x5\": \"0.35\"}]}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await TestServer.Json(response)).GetProperty("predictions").GetArrayLength());
    }

    [Fact]
    public async Task OversizedBodiesAndTooManyRows_Are413()
    {
        await using var server = await TestServer.StartAsync(o => o with { MaxBodyBytes = 4096, MaxRowsPerRequest = 3 });
        var big = new StringBuilder("{\"rows\": [");
        for (int i = 0; i < 100; i++) big.Append(i == 0 ? "" : ",").Append("{" + Good + "}");
        var response = await server.PostJson("/v1/models/yacht/predict", big.Append("]}").ToString());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);

        string four = string.Join(",", Enumerable.Repeat("{" + Good + "}", 4));
        response = await server.PostJson("/v1/models/yacht/predict", "{\"rows\": [" + four + "]}");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("at most 3 per request", (await TestServer.Json(response)).GetProperty("detail").GetString());

        response = await server.PostJson("/v1/models/nope/predict", "{\"rows\": [{" + Good + "}]}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
