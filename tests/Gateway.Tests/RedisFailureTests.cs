using System.IO.Pipelines;
using System.Reflection;
using CityEServices.Gateway.RateLimiting;
using CityEServices.ServiceDefaults.Caching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace CityEServices.Gateway.Tests;

/// <summary>
/// Redis failing under a command must cost the caller nothing but the shared count: a stack starting
/// under load once answered POST /connect/token with 500 because StackExchange.Redis let a pipe error
/// ("Reading is not allowed after reader was completed") escape the rate limiter's lease.
/// </summary>
public sealed class RedisFailureTests
{
    public static TheoryData<Exception> RedisFailures() =>
    [
        PipeError(),
        new RedisConnectionException(ConnectionFailureType.SocketClosed, "closed"),
        new RedisTimeoutException("timeout", CommandStatus.Sent),
        new TaskCanceledException(),
    ];

    public static TheoryData<Exception> OtherFailures() =>
    [
        new InvalidOperationException("a bug of ours"),
        new InvalidCastException(),
        new ArgumentException("bad key"),
    ];

    [Theory]
    [MemberData(nameof(RedisFailures))]
    public void What_redis_fails_with_under_a_command_is_a_redis_failure(Exception failure) => Assert.True(failure.IsRedisFailure());

    [Theory]
    [MemberData(nameof(OtherFailures))]
    public void Other_failures_are_not(Exception failure) => Assert.False(failure.IsRedisFailure());

    [Theory]
    [MemberData(nameof(RedisFailures))]
    public async Task The_rate_limiter_lets_the_request_through_when_redis_fails_under_its_lease(Exception failure)
    {
        var limiter = Limiter(failure);

        var decision = await limiter.AcquireAsync("api", new RateLimitPolicy { PermitLimit = 10 }, "caller");

        Assert.True(decision.Allowed);
    }

    [Fact]
    public async Task A_failure_that_is_not_redis_is_not_taken_for_an_outage()
    {
        var limiter = Limiter(new InvalidOperationException("a bug of ours"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => limiter.AcquireAsync("api", new RateLimitPolicy { PermitLimit = 10 }, "caller").AsTask());
    }

    private static SharedRateLimiter Limiter(Exception failure) =>
        new(Failing<IConnectionMultiplexer>.Create(Failing<IDatabase>.Create(null, failure), failure),
            new RedisKeys(new ConfigurationBuilder().Build()), TimeProvider.System, NullLogger<SharedRateLimiter>.Instance);

    /// <summary>The exception a completed pipe throws, thrown for real so it carries what a thrown one carries.</summary>
    private static InvalidOperationException PipeError()
    {
        var pipe = new Pipe();
        pipe.Reader.Complete();
        try
        {
            pipe.Reader.AdvanceTo(default);
        }
        catch (InvalidOperationException e)
        {
            return e;
        }

        throw new InvalidOperationException("a completed pipe did not refuse a read");
    }

    /// <summary>A Redis client whose <c>GetDatabase</c> answers <paramref name="database"/> and whose every command fails.</summary>
    public class Failing<T> : DispatchProxy
        where T : class
    {
        private object? _database;
        private Exception _failure = null!;

        public static T Create(object? database, Exception failure)
        {
            var proxy = Create<T, Failing<T>>();
            var failing = (Failing<T>)(object)proxy;
            failing._database = database;
            failing._failure = failure;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod switch
        {
            { Name: nameof(IConnectionMultiplexer.GetDatabase) } => _database,
            { ReturnType.IsGenericType: true } m when m.ReturnType.GetGenericTypeDefinition() == typeof(Task<>) =>
                typeof(Task).GetMethod(nameof(Task.FromException), 1, [typeof(Exception)])!.MakeGenericMethod(m.ReturnType.GetGenericArguments()[0]).Invoke(null, [_failure]),
            _ => throw new NotSupportedException(targetMethod?.Name),
        };
    }
}
