using Microsoft.Extensions.Caching.Hybrid;
using StackExchange.Redis;

namespace CityEServices.Property.Caching;

/// <summary>
/// HybridCache's first level is per process: removing an entry removes it here and in Redis, but not
/// from another replica's memory. Each replica therefore announces its invalidations on a Redis channel
/// and drops what the others announce. The short local expiry bounds the damage of a lost announcement.
/// </summary>
public sealed partial class CacheInvalidationBus(IConnectionMultiplexer redis, HybridCache cache, ILogger<CacheInvalidationBus> logger, RedisChannel channel) : IHostedService
{

    // Lets a replica ignore its own announcements (it has already removed the entry).
    private readonly string _instance = Guid.NewGuid().ToString("N");

    public Task PublishAsync(string renovationCode) =>
        redis.GetSubscriber().PublishAsync(channel, $"{_instance} {renovationCode}");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await redis.GetSubscriber().SubscribeAsync(channel, (_, message) => OnAnnounced(message.ToString()));
        }
        catch (RedisException ex)
        {
            // The service still answers from the database; it must not refuse to start over the cache.
            LogSubscribeFailed(logger, ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => redis.GetSubscriber().UnsubscribeAsync(channel);

    // Fire and forget: the subscriber callback must not block Redis's message loop.
    private void OnAnnounced(string message) => _ = OnAnnouncedAsync(message);

    private async Task OnAnnouncedAsync(string message)
    {
        if (message.Split(' ', 2) is not [var sender, var renovationCode] || sender == _instance)
        {
            return;
        }

        try
        {
            await cache.RemoveAsync(PropertyCache.Key(renovationCode));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogRemoveFailed(logger, ex, renovationCode);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Could not subscribe to property cache invalidations; other replicas' writes reach this one's memory only when entries expire")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception);

    [LoggerMessage(LogLevel.Warning, "Could not drop the cached property {RenovationCode} announced by another replica")]
    private static partial void LogRemoveFailed(ILogger logger, Exception exception, string renovationCode);
}
