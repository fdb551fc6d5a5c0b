using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CityEServices.ServiceDefaults.Health;

public static class HealthExtensions
{
    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [HealthPaths.LiveTag]);
        // The default Aspire client integrations (Npgsql, Redis) register their checks without tags;
        // this keeps them out of /alive while /health runs every check except the liveness-only ones.
        return builder;
    }

    /// <summary>
    /// Unlike eShop, these are mapped in every environment: Kubernetes probes need them in Production.
    /// The body is only the overall status word, so an anonymous caller learns nothing about the
    /// dependencies; details go to the logs and the dashboard's telemetry.
    /// </summary>
    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthPaths.Ready, new HealthCheckOptions
        {
            Predicate = check => !check.Tags.Contains(HealthPaths.LiveTag) || check.Name == "self",
            ResponseWriter = WriteStatusOnly,
        }).AllowAnonymous().DisableHttpMetrics();

        app.MapHealthChecks(HealthPaths.Readiness, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(HealthPaths.DatabaseTag) || check.Name == "self",
            ResponseWriter = WriteStatusOnly,
        }).AllowAnonymous().DisableHttpMetrics();

        app.MapHealthChecks(HealthPaths.Alive, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(HealthPaths.LiveTag),
            ResponseWriter = WriteStatusOnly,
        }).AllowAnonymous().DisableHttpMetrics();

        return app;
    }

    private static Task WriteStatusOnly(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(report.Status.ToString());
    }
}
