using System.Text.Json;
using CityEServices.ServiceDefaults.Caching;
using StackExchange.Redis;

namespace CityEServices.UrbanPlanning.Infrastructure;

/// <summary>
/// The tracking read model in Redis, shared by every replica (no per-process copy that one replica's
/// write could not reach). Redis being down never fails a request: reads fall back to the database
/// and a missed invalidation is bounded by the entry's expiry.
/// </summary>
public sealed partial class TrackingCache(IConnectionMultiplexer redis, ILogger<TrackingCache> logger)
{
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(10);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // v2: holders instead of one applicant; an older replica's snapshot is never read as this one.
    public static string Key(string trackingCode) => $"urbanplanning:track:v2:{trackingCode}";

    public async Task<TrackingSnapshot?> GetAsync(string trackingCode)
    {
        try
        {
            var value = await redis.GetDatabase().StringGetAsync(Key(trackingCode));
            return value.IsNullOrEmpty ? null : JsonSerializer.Deserialize<TrackingSnapshot>(value.ToString(), Json);
        }
        catch (Exception ex) when (ex is JsonException || ex.IsRedisFailure())
        {
            LogCacheFailed(logger, ex, "read");
            return null;
        }
    }

    public async Task SetAsync(string trackingCode, TrackingSnapshot snapshot)
    {
        try
        {
            await redis.GetDatabase().StringSetAsync(Key(trackingCode), JsonSerializer.Serialize(snapshot, Json), Expiry);
        }
        catch (Exception ex) when (ex.IsRedisFailure())
        {
            LogCacheFailed(logger, ex, "write");
        }
    }

    /// <summary>Called after a commit that changed what the citizen sees; the next read rebuilds the entry.</summary>
    public async Task InvalidateAsync(string trackingCode)
    {
        try
        {
            await redis.GetDatabase().KeyDeleteAsync(Key(trackingCode));
        }
        catch (Exception ex) when (ex.IsRedisFailure())
        {
            LogCacheFailed(logger, ex, "invalidate");
        }
    }

    [LoggerMessage(LogLevel.Warning, "Tracking cache {Operation} failed; the database answers instead")]
    private static partial void LogCacheFailed(ILogger logger, Exception exception, string operation);
}
