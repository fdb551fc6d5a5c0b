using CityEServices.ServiceDefaults.Caching;
using Microsoft.Extensions.Caching.Hybrid;
using StackExchange.Redis;

namespace CityEServices.Property.Infrastructure.Caching;

/// <summary>
/// HybridCache's first level is per process: removing an entry removes it here and in Redis, but not
/// from another replica's memory. Each replica therefore announces its invalidations on a Redis channel
/// and drops what the others announce. The short local expiry bounds the damage of a lost announcement.
/// </summary>
public sealed partial class CacheInvalidationBus(IConnectionMultiplexer redis, HybridCache cache, PropertyRedisKeys keys, ILogger<CacheInvalidationBus> logger, RedisChannel channel) : IHostedService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    // Lets a replica ignore its own announcements (it has already removed the entry).
    private readonly string _instance = Guid.NewGuid().ToString("N");
    private readonly CancellationTokenSource _stopping = new();
    private Task _subscribing = Task.CompletedTask;

    public Task PublishAsync(string renovationCode) =>
        redis.GetSubscriber().PublishAsync(channel, $"{_instance} {renovationCode}");

    // Subscribing must not fail the service's start on a slow or absent Redis: the first attempt is
    // awaited (so a healthy start is subscribed before it serves), a failed one keeps trying in the
    // background. StackExchange.Redis resubscribes by itself after any later reconnect.
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!await TrySubscribeAsync(logFailure: true))
        {
            _subscribing = SubscribeUntilDoneAsync(_stopping.Token);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _subscribing;
        try
        {
            await redis.GetSubscriber().UnsubscribeAsync(channel);
        }
        catch (Exception ex) when (ex.IsRedisFailure())
        {
            // Going away anyway; the server drops the subscription with the connection.
        }
    }

    private async Task SubscribeUntilDoneAsync(CancellationToken stopping)
    {
        do
        {
            try
            {
                await Task.Delay(RetryDelay, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        while (!await TrySubscribeAsync(logFailure: false));
    }

    private async Task<bool> TrySubscribeAsync(bool logFailure)
    {
        try
        {
            await redis.GetSubscriber().SubscribeAsync(channel, (_, message) => OnAnnounced(message.ToString()));
            return true;
        }
        catch (Exception ex) when (ex.IsRedisFailure())
        {
            if (logFailure)
            {
                LogSubscribeFailed(logger, ex);
            }

            return false;
        }
    }

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
            await cache.RemoveAsync(keys.Property(renovationCode));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogRemoveFailed(logger, ex, renovationCode);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Could not subscribe to property cache invalidations yet; trying again every second (until then other replicas' writes reach this one's memory only when entries expire)")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception);

    [LoggerMessage(LogLevel.Warning, "Could not drop the cached property {RenovationCode} announced by another replica")]
    private static partial void LogRemoveFailed(ILogger logger, Exception exception, string renovationCode);
}
