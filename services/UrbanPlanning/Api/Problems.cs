using CityEServices.UrbanPlanning.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CityEServices.UrbanPlanning.Api;

/// <summary>The RFC 9457 answers this service gives, with a machine-readable <c>reason</c> where a client may branch on it.</summary>
internal static class Problems
{
    public static ProblemHttpResult Forbidden(AccessDecision decision) =>
        Forbidden(decision.Reason ?? "Forbidden", decision.Detail);

    public static ProblemHttpResult Forbidden(string reason, string? detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden,
        title: "The caller is not allowed to do this.",
        detail: detail,
        extensions: new Dictionary<string, object?> { ["reason"] = reason });

    public static ProblemHttpResult NotFound(string title, string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: title,
        detail: detail);

    public static ProblemHttpResult Conflict(string reason, string title, string detail, IEnumerable<KeyValuePair<string, object?>>? extensions = null)
    {
        var values = new Dictionary<string, object?> { ["reason"] = reason };
        foreach (var (key, value) in extensions ?? [])
        {
            values[key] = value;
        }

        return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail, extensions: values);
    }

    /// <summary>A dependency answered, but not with anything usable (it rejected the forwarded token, failed internally…).</summary>
    public static ProblemHttpResult DependencyFailed(string service) => TypedResults.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "A service this request depends on is unavailable.",
        detail: $"The {service} service could not answer.",
        extensions: new Dictionary<string, object?> { ["reason"] = "DependencyFailed" });
}
