using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace DecoReg.Bench.ServerLoad;

/// <summary>
/// The robustness run: N requests at a fixed concurrency, a mix of valid rows, malformed JSON, oversized bodies,
/// wrong schemas and unknown models. Every answer is checked: the status each kind must get, and for valid requests
/// the predicted mean against the library's own prediction of that row. Counts 5xx, connection errors and wrong answers.
/// </summary>
internal static class MixedRun
{
    public sealed record Result(int Requests, Dictionary<string, int> ByKind, Dictionary<int, int> ByStatus, int ServerErrors, int ConnectionErrors, int WrongAnswers);

    private enum Kind { Valid, Malformed, Oversized, WrongSchema, UnknownModel }

    public static async Task<Result> Run(HttpClient client, string model, IReadOnlyList<string> rowJson, IReadOnlyList<double> expectedMeans,
        long maxBodyBytes, int requests, int concurrency)
    {
        var byKind = new Dictionary<string, int>();
        var byStatus = new Dictionary<int, int>();
        int serverErrors = 0, connectionErrors = 0, wrong = 0, next = -1;
        string oversized = "{\"rows\":[" + string.Join(",", Enumerable.Repeat(rowJson[0], (int)(maxBodyBytes / rowJson[0].Length) + 10)) + "]}";
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                var kind = (i % 10) switch { < 6 => Kind.Valid, 6 => Kind.Malformed, 7 => Kind.Oversized, 8 => Kind.WrongSchema, _ => Kind.UnknownModel };
                int row = i % rowJson.Count;
                var (path, body, expected) = kind switch
                {
                    Kind.Valid => ($"/v1/models/{model}/predict", "{\"rows\":[" + rowJson[row] + "]}", 200),
                    Kind.Malformed => ($"/v1/models/{model}/predict", "{\"rows\":[" + rowJson[row][..^3], 400),
                    Kind.Oversized => ($"/v1/models/{model}/predict", oversized, 413),
                    Kind.WrongSchema => ($"/v1/models/{model}/predict", "{\"rows\":[{\"no_such_column\": 1}]}", 400),
                    _ => ("/v1/models/no-such-model/predict", "{\"rows\":[" + rowJson[row] + "]}", 404),
                };
                lock (byKind) byKind[kind.ToString()] = byKind.GetValueOrDefault(kind.ToString()) + 1;
                try
                {
                    using var content = new StringContent(body, Encoding.UTF8);
                    content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    using var response = await client.PostAsync(path, content).ConfigureAwait(false);
                    string text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                    int status = (int)response.StatusCode;
                    lock (byStatus) byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
                    if (status >= 500) Interlocked.Increment(ref serverErrors);
                    if (status != expected || (kind == Kind.Valid && !SameMean(text, expectedMeans[row]))) Interlocked.Increment(ref wrong);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref connectionErrors);
                }
            }
        }).ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        return new Result(requests, byKind, byStatus, serverErrors, connectionErrors, wrong);
    }

    /// <summary>The answer's mean equals the library's (up to float noise from decoding in a different batch).</summary>
    private static bool SameMean(string json, double expected)
    {
        double mean = JsonDocument.Parse(json).RootElement.GetProperty("predictions")[0].GetProperty("mean").GetDouble();
        return Math.Abs(mean - expected) <= 1e-6 * Math.Max(1, Math.Abs(expected));
    }
}
