using CityEServices.Gateway.RateLimiting;
using CityEServices.ServiceDefaults.Caching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace CityEServices.Gateway.Tests;

/// <summary>
/// Every caller the gateway has seen holds a bucket in memory; a caller gone quiet must not hold one
/// for ever. Idleness is measured on the gateway's clock, the same one its windows are cut by.
/// </summary>
public sealed class RateLimitMemoryTests
{
    private static readonly RateLimitPolicy Policy = new() { PermitLimit = 100 };

    [Fact]
    public async Task A_caller_quiet_for_two_minutes_no_longer_holds_a_bucket_and_a_busy_one_keeps_its_own()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero));
        var limiter = Limiter(clock);

        await limiter.AcquireAsync("api", Policy, "quiet");
        clock.Advance(TimeSpan.FromSeconds(61));
        await limiter.AcquireAsync("api", Policy, "busy");
        Assert.Equal(2, limiter.BucketCount);

        clock.Advance(TimeSpan.FromSeconds(70));
        await limiter.AcquireAsync("api", Policy, "busy");

        Assert.Equal(1, limiter.BucketCount);
    }

    [Fact]
    public async Task A_caller_back_after_its_bucket_was_dropped_is_served_again()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero));
        var limiter = Limiter(clock);
        await limiter.AcquireAsync("api", Policy, "returning");

        clock.Advance(TimeSpan.FromMinutes(5));
        await limiter.AcquireAsync("api", Policy, "someone-else");
        Assert.Equal(1, limiter.BucketCount);

        var decision = await limiter.AcquireAsync("api", Policy, "returning");
        Assert.True(decision.Allowed);
        Assert.Equal(2, limiter.BucketCount);
    }

    // Redis refusing every lease: the limiter lets callers through on local leases, which is all the buckets need here.
    private static SharedRateLimiter Limiter(TimeProvider clock)
    {
        var down = new RedisConnectionException(ConnectionFailureType.UnableToConnect, "down");
        return new(RedisFailureTests.Failing<IConnectionMultiplexer>.Create(RedisFailureTests.Failing<IDatabase>.Create(null, down), down),
            new RedisKeys(new ConfigurationBuilder().Build()), clock, NullLogger<SharedRateLimiter>.Instance);
    }
}
