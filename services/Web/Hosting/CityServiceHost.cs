using CityEServices.Messaging.Persistence;
using CityEServices.ServiceDefaults.Problems;
using CityEServices.Web.Access;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.Web.Hosting;

/// <summary>
/// The start-up every service shares, so a Program.cs says only what is its own: its registrations
/// (<c>AddApplicationServices</c>), its APIs and gRPC servers, and its database.
/// </summary>
public static class CityServiceHost
{
    /// <summary>Telemetry, health, discovery and resilience, token validation (with the revocation list), and the configured holidays.</summary>
    public static WebApplicationBuilder AddCityService(this WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults();
        builder.AddDefaultAuthentication();
        builder.UseConfiguredHolidays();
        return builder;
    }

    /// <summary>
    /// Problem details for every error, authentication, the integrator scope checks (a client reaches
    /// only endpoints that name one of its scopes, and is told <c>insufficient_scope</c> before any role
    /// check could refuse it less precisely), authorisation, and the health endpoints.
    /// </summary>
    public static WebApplication UseCityService(this WebApplication app)
    {
        app.UseCityProblemDetails();
        app.UseAuthentication();
        app.UseScopeChecks();
        app.UseAuthorization();
        app.MapDefaultEndpoints();
        return app;
    }

    /// <summary>
    /// A whole service's life: the shared start-up around its own <paramref name="register"/>istrations and
    /// <paramref name="map"/>pings, then its database migrated and the service run until stopped.
    /// </summary>
    public static async Task RunAsync<TDbContext>(string[] args, Action<WebApplicationBuilder> register, Action<WebApplication> map)
        where TDbContext : DbContext
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddCityService();
        register(builder);

        var app = builder.Build();
        app.UseCityService();
        map(app);
        await app.RunCityServiceAsync<TDbContext>();
    }

    /// <summary>Migrates the service's database (waiting for it a while at start-up), then serves until stopped.</summary>
    public static async Task RunCityServiceAsync<TDbContext>(this WebApplication app) where TDbContext : DbContext
    {
        await app.MigrateDatabaseAsync<TDbContext>();
        await app.RunAsync();
    }
}
