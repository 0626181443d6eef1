using System.Net;
using DecoReg.Data;
using DecoReg.Training;

namespace DecoReg.Tests.Server;

/// <summary>Reload swaps in a new model file; a corrupt file leaves the old model serving and answers the loader's error.</summary>
public class ServerReloadTests
{
    [Fact]
    public async Task Reload_SwapsAGoodFile_AndKeepsServingOnACorruptOne()
    {
        await using var server = await TestServer.StartAsync();
        var rows = new { rows = TestServer.YachtRows(3).Rows };
        double before = (await TestServer.Json(await server.Predict(rows))).GetProperty("predictions")[0].GetProperty("mean").GetDouble();

        // a corrupt file: 422 naming the file, version 1 keeps answering the same numbers
        var original = await File.ReadAllBytesAsync(server.ModelPath);
        var corrupt = original.ToArray();
        corrupt[corrupt.Length / 2] ^= 0x5A;
        await File.WriteAllBytesAsync(server.ModelPath, corrupt);
        var failed = await server.Client.PostAsync("/v1/models/yacht/reload", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, failed.StatusCode);
        Assert.Equal("application/problem+json", failed.Content.Headers.ContentType?.MediaType);
        Assert.Contains("yacht.decoreg", (await TestServer.Json(failed)).GetProperty("detail").GetString());
        var still = await TestServer.Json(await server.Predict(rows));
        Assert.Equal(1, still.GetProperty("modelVersion").GetInt32());
        Assert.Equal(before, still.GetProperty("predictions")[0].GetProperty("mean").GetDouble());

        // a good, different model: version 2 answers with its own numbers
        var (train, _) = UciDataset.LoadSplit(TestData.Path("uci", "yacht"), 0);
        using (var other = DecodingRegressor.Train(train, new RegressorOptions { Training = new TrainingOptions { Epochs = 2, Seed = 3 } }))
            other.Save(server.ModelPath);
        using var expected = DecodingRegressor.Load(server.ModelPath);
        var reloaded = await server.Client.PostAsync("/v1/models/yacht/reload", null);
        Assert.Equal(HttpStatusCode.OK, reloaded.StatusCode);
        Assert.Equal(2, (await TestServer.Json(reloaded)).GetProperty("version").GetInt32());
        var after = await TestServer.Json(await server.Predict(rows));
        Assert.Equal(2, after.GetProperty("modelVersion").GetInt32());
        Assert.Equal(expected.PredictBatch(TestServer.YachtRows(3).Features)[0].Mean, after.GetProperty("predictions")[0].GetProperty("mean").GetDouble());
        Assert.NotEqual(before, after.GetProperty("predictions")[0].GetProperty("mean").GetDouble());
    }
}
