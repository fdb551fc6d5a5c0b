using CityEServices.ServiceDefaults.Auth;
using CityEServices.ServiceDefaults.Caching;
using CityEServices.ServiceDefaults.Health;
using CityEServices.ServiceDefaults.OpenApi;
using CityEServices.ServiceDefaults.Problems;
using CityEServices.ServiceDefaults.Telemetry;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every CityEServices process shares: telemetry, health, discovery, resilience, problem details
/// and token validation. Kept in the Microsoft.Extensions.Hosting namespace, as Aspire's template does,
/// so that Program.cs needs no extra using.
/// </summary>
public static class ServiceDefaultsExtensions
{
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddLoggingDefaults();
        builder.AddRedisOutageDefaults();
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        builder.Services.AddCityProblemDetails();
        builder.Services.AddCityOpenApi();
        // One wire format for every API: camelCase (the web default) with enums as their names.
        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        return builder;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthEndpoints();
        app.MapCityOpenApi();
        return app;
    }

    /// <summary>Bearer-token validation against the identity service plus a fallback policy that
    /// makes every endpoint require an authenticated caller unless it opts out explicitly.</summary>
    public static TBuilder AddDefaultAuthentication<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddCityAuthentication(builder.Configuration, builder.Environment);
        return builder;
    }
}
