using CityEServices.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CityEServices.Messaging.Persistence;

public static class ServiceDatabaseExtensions
{
    /// <summary>The own-database check's name and tag (ServiceDefaults' HealthPaths.DatabaseTag: readiness counts only it).</summary>
    public const string DatabaseCheckName = "database";
    public const string DatabaseTag = "database";

    private const int RetryCount = 3;
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Registers a service's own PostgreSQL DbContext (pooled) with the outbox commit signal, plus
    /// Aspire's health check, telemetry and transient-failure retries.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TDbContext>(this IHostApplicationBuilder builder, string connectionName)
        where TDbContext : DbContext
    {
        var connectionString = PooledConnections.Apply(
            builder.Configuration.GetConnectionString(connectionName)
                ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not configured."),
            builder.Configuration);

        builder.Services.TryAddSingleton<OutboxSignal>();
        builder.Services.TryAddSingleton<OutboxCommitInterceptor>();
        builder.Services.AddDbContextPool<TDbContext>((services, options) => options
            .UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure(RetryCount, MaxRetryDelay, null))
            .AddInterceptors(services.GetRequiredService<OutboxCommitInterceptor>()));
        // Aspire's own retry default (6 retries, up to 30 s apart) holds a request for a minute when the
        // database is down; a few short retries ride out a blip and then the caller gets a prompt 503.
        builder.EnrichNpgsqlDbContext<TDbContext>(settings =>
        {
            settings.DisableRetry = true;
            settings.DisableHealthChecks = true;
        });
        // Our own check under a known name and tag: readiness (/health/ready) looks at this one only.
        builder.Services.AddHealthChecks().AddDbContextCheck<TDbContext>(DatabaseCheckName, tags: [DatabaseTag]);
        return builder;
    }
}
