using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CityEServices.Web.Problems;

/// <summary>How endpoints translate an <see cref="Outcome{T}"/> back to HTTP: the value as 200/201/202/204, a problem as problem details.</summary>
public static class ProblemResults
{
    public static ProblemHttpResult ToResult(this Problem problem)
    {
        ProblemDetails details = problem.Errors is { } errors
            ? new HttpValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal))
            : new ProblemDetails();
        details.Status = problem.Status;
        details.Title = problem.Title;
        details.Detail = problem.Detail;
        if (problem.Reason is not null)
        {
            details.Extensions["reason"] = problem.Reason;
        }

        foreach (var (name, value) in problem.Extensions)
        {
            details.Extensions[name] = value;
        }

        return TypedResults.Problem(details);
    }

    public static Results<Ok<T>, ProblemHttpResult> ToOk<T>(this Outcome<T> outcome) =>
        outcome.Succeeded ? TypedResults.Ok(outcome.Value) : outcome.Problem!.ToResult();

    public static Results<Created<T>, ProblemHttpResult> ToCreated<T>(this Outcome<T> outcome, Func<T, string> location) =>
        outcome.Succeeded ? TypedResults.Created(location(outcome.Value), outcome.Value) : outcome.Problem!.ToResult();

    public static Results<Accepted<T>, ProblemHttpResult> ToAccepted<T>(this Outcome<T> outcome, Func<T, string> location) =>
        outcome.Succeeded ? TypedResults.Accepted(location(outcome.Value), outcome.Value) : outcome.Problem!.ToResult();

    public static Results<NoContent, ProblemHttpResult> ToNoContent<T>(this Outcome<T> outcome) =>
        outcome.Succeeded ? TypedResults.NoContent() : outcome.Problem!.ToResult();
}
