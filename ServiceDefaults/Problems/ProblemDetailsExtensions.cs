using System.Diagnostics;

namespace CityEServices.ServiceDefaults.Problems;

public static class ProblemDetailsExtensions
{
    public const string CorrelationHeader = "X-Correlation-ID";

    public static IServiceCollection AddCityProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var http = context.HttpContext;
            context.ProblemDetails.Instance ??= $"{http.Request.Method} {http.Request.Path}";
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier;
            if (http.Request.Headers.TryGetValue(CorrelationHeader, out var correlation))
            {
                context.ProblemDetails.Extensions["correlationId"] = correlation.ToString();
            }
        });
        services.AddExceptionHandler<CityExceptionHandler>();
        return services;
    }

    /// <summary>Exception handler and status-code pages: every error leaves as problem details,
    /// in every environment (no developer exception page, so no stack trace ever reaches a caller).</summary>
    public static WebApplication UseCityProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
