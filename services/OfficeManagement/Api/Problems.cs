using Microsoft.AspNetCore.Http.HttpResults;

namespace CityEServices.OfficeManagement.Api;

/// <summary>The problem-details answers this API gives, so every 403/404/409 has the same shape.</summary>
internal static class Problems
{
    /// <summary>A 403 that says why, with a machine-readable <c>reason</c> extension.</summary>
    public static ProblemHttpResult Forbidden(string reason, string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden,
        title: "Forbidden.",
        detail: detail,
        extensions: new Dictionary<string, object?> { ["reason"] = reason });

    public static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail);

    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);

    public static ValidationProblem FieldError(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
