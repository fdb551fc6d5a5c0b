using System.Collections.Concurrent;
using CityEServices.ServiceDefaults.Caching;
using StackExchange.Redis;

namespace CityEServices.Gateway.RateLimiting;

/// <summary>
/// Fixed-window limits shared through Redis without a Redis round trip per request: each replica
/// leases a batch of permits from the window's counter (one atomic script) and hands them out from
/// memory. Replicas together never grant more than the limit; a replica may hold back at most one
/// unused batch, which the window's end returns. When Redis is unreachable the limiter lets requests
/// through (an outage of the cache must not become an outage of the city) and logs it.
/// </summary>
public sealed partial class SharedRateLimiter(IConnectionMultiplexer redis, RedisKeys keys, TimeProvider time, ILogger<SharedRateLimiter> logger)
{
    // KEYS[1] window counter; ARGV: lease, limit, window ms. Returns the permits granted (0 = exhausted).
    private static readonly LuaScript Lease = LuaScript.Prepare("""
        local used = redis.call('INCRBY', @key, @lease)
        if used == tonumber(@lease) then redis.call('PEXPIRE', @key, @ttl) end
        local before = used - tonumber(@lease)
        if before >= tonumber(@limit) then return 0 end
        return math.min(tonumber(@lease), tonumber(@limit) - before)
        """);

    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private long _lastSweep;

    public readonly record struct Decision(bool Allowed, TimeSpan RetryAfter);

    public ValueTask<Decision> AcquireAsync(string policyName, RateLimitPolicy policy, string partition)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var windowMs = Math.Max(1, (long)policy.Window.TotalMilliseconds);
        var window = now / windowMs;
        var retryAfter = TimeSpan.FromMilliseconds((window + 1) * windowMs - now);
        SweepOldBuckets(now);

        var bucket = _buckets.GetOrAdd(string.Concat(policyName, ":", partition), static _ => new Bucket());
        bucket.Touch(now);
        switch (bucket.TryTake(window))
        {
            case Take.Granted:
                return ValueTask.FromResult(new Decision(true, TimeSpan.Zero));
            case Take.Exhausted:
                return ValueTask.FromResult(new Decision(false, retryAfter));
            default:
                return LeaseAsync(bucket, policyName, policy, partition, window, windowMs, retryAfter);
        }
    }

    private async ValueTask<Decision> LeaseAsync(Bucket bucket, string policyName, RateLimitPolicy policy, string partition, long window, long windowMs, TimeSpan retryAfter)
    {
        // One lease at a time per bucket: concurrent requests wait for it instead of each asking Redis.
        await bucket.Leasing.WaitAsync();
        try
        {
            var again = bucket.TryTake(window);
            if (again != Take.Empty)
            {
                return new Decision(again == Take.Granted, again == Take.Granted ? TimeSpan.Zero : retryAfter);
            }

            int granted;
            try
            {
                var result = await redis.GetDatabase().ScriptEvaluateAsync(Lease, new
                {
                    // The window length is part of the key: a changed setting starts fresh counters.
                    key = (RedisKey)$"{keys.Prefix}ratelimit:{policyName}:{windowMs}:{partition}:{window}",
                    lease = policy.EffectiveLeaseSize,
                    limit = policy.PermitLimit,
                    ttl = windowMs + 1000,
                });
                granted = (int)result;
            }
            catch (Exception e) when (e.IsRedisFailure())
            {
                LogRedisUnavailable(logger, e.Message);
                granted = policy.EffectiveLeaseSize;
            }

            bucket.Refill(window, granted);
            var taken = bucket.TryTake(window);
            return new Decision(taken == Take.Granted, taken == Take.Granted ? TimeSpan.Zero : retryAfter);
        }
        finally
        {
            bucket.Leasing.Release();
        }
    }

    internal int BucketCount => _buckets.Count;

    /// <summary>Buckets untouched for two minutes are dropped about once a minute so idle callers cost no memory.</summary>
    private void SweepOldBuckets(long now)
    {
        var last = Interlocked.Read(ref _lastSweep);
        if (now - last < 60_000 || Interlocked.CompareExchange(ref _lastSweep, now, last) != last)
        {
            return;
        }

        foreach (var (key, bucket) in _buckets)
        {
            if (bucket.IsIdleAt(now))
            {
                _buckets.TryRemove(key, out _);
            }
        }
    }

    private enum Take
    {
        Granted,
        Empty,
        Exhausted,
    }

    private sealed class Bucket
    {
        private readonly Lock _gate = new();
        private long _window = -1;
        private int _remaining;
        private bool _exhausted;
        private long _touched = long.MaxValue;

        public SemaphoreSlim Leasing { get; } = new(1, 1);

        /// <summary>Marks the bucket as used at <paramref name="now"/> (ms, the gateway's clock): a used bucket is not swept.</summary>
        public void Touch(long now) => Volatile.Write(ref _touched, now);

        public Take TryTake(long window)
        {
            lock (_gate)
            {
                if (_window != window)
                {
                    _window = window;
                    _remaining = 0;
                    _exhausted = false;
                }

                if (_remaining > 0)
                {
                    _remaining--;
                    return Take.Granted;
                }

                return _exhausted ? Take.Exhausted : Take.Empty;
            }
        }

        public void Refill(long window, int granted)
        {
            lock (_gate)
            {
                if (_window != window)
                {
                    _window = window;
                    _remaining = 0;
                }

                _remaining += granted;
                _exhausted = granted <= 0;
            }
        }

        public bool IsIdleAt(long now) => now - Volatile.Read(ref _touched) > 120_000 && Leasing.CurrentCount == 1;
    }

    [LoggerMessage(LogLevel.Warning, "Rate limits cannot reach Redis; requests are let through on local leases: {Reason}")]
    private static partial void LogRedisUnavailable(ILogger logger, string reason);
}
