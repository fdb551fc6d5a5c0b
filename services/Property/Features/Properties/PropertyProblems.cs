using CityEServices.Iran;
using CityEServices.Property.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CityEServices.Property.Api;

/// <summary>The problem answers the property endpoints share.</summary>
internal static class ApiResults
{
    public const string ConcurrentChange = "ConcurrentChange";

    public static ProblemHttpResult NotFound(RenovationCode code) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Property not found.", detail: $"No property has renovation code {code.Value}.");

    public static ProblemHttpResult Conflict(Refusal refusal) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "The property's current state does not allow this.",
        detail: refusal.Detail,
        extensions: new Dictionary<string, object?> { ["reason"] = refusal.Reason });

    public static ProblemHttpResult ChangedConcurrently(RenovationCode code) => Conflict(new Refusal(
        ConcurrentChange, $"Property {code.Value} was changed by another request at the same time; read it again and retry."));

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
