using CityEServices.Messaging;
using CityEServices.Messaging.Persistence;
using CityEServices.Property.Caching;
using CityEServices.Property.Data;
using CityEServices.Property.Data.SampleData;
using CityEServices.Property.Events;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace CityEServices.Property;

public static class Extensions
{
    public const string DatabaseName = "property-db";
    public const string ServiceName = "property";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<PropertyDbContext>(DatabaseName);
        builder.AddMessaging<PropertyDbContext>(ServiceName, bus =>
        {
            bus.AddConsumer<BuildingPermitIssuedConsumer>();
            bus.AddConsumer<CompletionCertificateIssuedConsumer>();
        });
        builder.Services.AddScoped<BuildingPermitIssuedInbox>();
        builder.Services.AddScoped<CompletionCertificateIssuedInbox>();
        builder.AddRedisClient("redis");
        builder.AddPropertyCache();
        if (SampleDataSeeder.IsEnabled(builder))
        {
            builder.Services.AddHostedService<SampleDataSeeder>();
        }

        // Unknown gRPC calls fall through to a 404 (which gRPC clients read as Unimplemented) instead of
        // gRPC's catch-all {service}/{method} route, which otherwise claims two-segment REST paths such as
        // POST /api/properties and turns a wrong Content-Type (415) into a misleading 404.
        builder.Services.AddGrpc(options => options.IgnoreUnknownServices = true);
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>
    /// HybridCache over the Redis connection Aspire already made (Redis is the second level), with the
    /// cross-replica invalidation channel. Lifetimes: <c>PropertyCache:Expiration</c> in Redis (default
    /// 10 minutes) and <c>PropertyCache:LocalExpiration</c> in memory (default 1 minute).
    /// <c>PropertyCache:Namespace</c> (default <c>city</c>) prefixes the Redis keys and the channel, so
    /// registries that share a Redis (test classes, say) never read each other's entries.
    /// </summary>
    private static void AddPropertyCache(this IHostApplicationBuilder builder)
    {
        var expiration = builder.Configuration.GetValue("PropertyCache:Expiration", TimeSpan.FromMinutes(10));
        var localExpiration = builder.Configuration.GetValue("PropertyCache:LocalExpiration", TimeSpan.FromMinutes(1));
        var ns = builder.Configuration["PropertyCache:Namespace"] is { Length: > 0 } configured ? configured : "city";

        builder.Services.AddStackExchangeRedisCache(_ => { });
        builder.Services.AddOptions<RedisCacheOptions>().Configure<IConnectionMultiplexer>((options, redis) =>
        {
            options.ConnectionMultiplexerFactory = () => Task.FromResult(redis);
            options.InstanceName = $"{ns}:";
        });
        builder.Services.AddHybridCache(options => options.DefaultEntryOptions = new HybridCacheEntryOptions
        {
            Expiration = expiration,
            LocalCacheExpiration = localExpiration,
        }).AddSerializer<CachedProperty, JsonHybridCacheSerializer<CachedProperty>>();

        builder.Services.AddSingleton(services => ActivatorUtilities.CreateInstance<CacheInvalidationBus>(services, RedisChannel.Literal($"{ns}:property-cache-invalidations")));
        builder.Services.AddHostedService(services => services.GetRequiredService<CacheInvalidationBus>());
        builder.Services.AddSingleton<PropertyCache>();
        builder.Services.AddScoped<PropertyReads>();
    }
}
