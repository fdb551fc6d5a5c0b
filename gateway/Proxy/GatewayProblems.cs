using Microsoft.AspNetCore.Mvc;

namespace CityEServices.Gateway.Proxy;

/// <summary>Answers the gateway gives itself (413, 429, 422, 409, 503) in the city's problem-details shape, correlation id included.</summary>
public static class GatewayProblems
{
    public static Task WriteAsync(HttpContext context, int status, string title, string? detail = null)
    {
        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }
}
