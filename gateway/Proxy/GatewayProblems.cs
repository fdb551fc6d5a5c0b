using Microsoft.AspNetCore.Mvc;

namespace CityEServices.Gateway.Proxy;

/// <summary>
/// Answers the gateway gives itself (400, 409, 413, 422, 429, 502, 503) in the city's problem-details
/// shape: a machine-readable <c>reason</c> like every service's, correlation id included.
/// </summary>
public static class GatewayProblems
{
    public static Task WriteAsync(HttpContext context, int status, string reason, string title, string? detail = null, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        context.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Extensions = { ["reason"] = reason } };
        foreach (var (name, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[name] = value;
        }

        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
        }).AsTask();
    }
}
