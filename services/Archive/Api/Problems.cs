using CityEServices.Archive.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CityEServices.Archive.Api;

/// <summary>The RFC 9457 answers this service gives, with a machine-readable <c>reason</c> on refusals.</summary>
internal static class Problems
{
    public static ProblemHttpResult Forbidden(AccessDecision decision) => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden,
        title: "The caller is not allowed to do this.",
        detail: decision.Detail,
        extensions: new Dictionary<string, object?> { ["reason"] = decision.Reason ?? "Forbidden" });

    public static ProblemHttpResult NotFound(string title, string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: title,
        detail: detail);

    public static ProblemHttpResult TooLarge(long maxBytes) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The document is too large.",
        detail: $"Documents are limited to {maxBytes} bytes.");

    public static ProblemHttpResult UnsupportedMediaType(string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status415UnsupportedMediaType,
        title: "Unsupported content.",
        detail: detail);

    public static ProblemHttpResult Conflict(string title, string detail, string reason) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: title,
        detail: detail,
        extensions: new Dictionary<string, object?> { ["reason"] = reason });
}
