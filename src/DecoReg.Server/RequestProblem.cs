using Microsoft.AspNetCore.Http;

namespace DecoReg.Server;

/// <summary>
/// A request the service refuses, with the HTTP status and a detail naming the field or row; written as RFC 7807
/// problem+json by <see cref="ProblemExceptionHandler"/>.
/// </summary>
public sealed class RequestProblem(int status, string title, string detail) : Exception(detail)
{
    public int Status { get; } = status;
    public string Title { get; } = title;

    public static RequestProblem BadRequest(string detail) => new(StatusCodes.Status400BadRequest, "Invalid request", detail);

    public static RequestProblem TooLarge(string detail) => new(StatusCodes.Status413PayloadTooLarge, "Request too large", detail);

    public static RequestProblem UnknownModel(string name, IEnumerable<string> served) =>
        new(StatusCodes.Status404NotFound, "Unknown model",
            $"no model named '{name}'; served: {string.Join(", ", served.Select(s => $"'{s}'"))}.");
}
