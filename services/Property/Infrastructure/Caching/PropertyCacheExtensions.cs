using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using StackExchange.Redis;

namespace CityEServices.Property.Infrastructure.Caching;

public static class PropertyCacheExtensions
{
    /// <summary>
    /// HybridCache over the Redis connection Aspire already made (Redis is the second level), with the
    /// cross-replica invalidation channel. Lifetimes: <c>PropertyCache:Expiration</c> in Redis (default
    /// 10 minutes) and <c>PropertyCache:LocalExpiration</c> in memory (default 1 minute).
    /// <c>PropertyCache:Namespace</c> (default <c>city</c>) prefixes the Redis keys and the channel, so
    /// registries that share a Redis (test classes, say) never read each other's entries.
    /// </summary>
    public static IHostApplicationBuilder AddPropertyCache(this IHostApplicationBuilder builder)
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
        return builder;
    }
}
