namespace CityEServices.ServiceDefaults.Caching;

/// <summary>
/// What a Redis command fails with when Redis is down or slow or its connection breaks under the
/// command: StackExchange.Redis's own exceptions, timeouts and cancellations (its commands take no
/// token, so a cancellation is its own), and the pipe errors its connection lets escape while it is
/// torn down and rebuilt — "Reading is not allowed after reader was completed" (StackExchange.Redis
/// #3085, #3110 in 2.13), which reached a caller here as a 500 for <c>POST /connect/token</c> through the
/// gateway's rate limiter in a stack starting under load. Redis is a cache and a limiter here, never
/// the source of truth, so each of these is an outage to ride out. Known by namespace and source, so
/// this library needs no Redis client of its own.
/// </summary>
public static class RedisFailures
{
    public static bool IsRedisFailure(this Exception exception) =>
        exception is TimeoutException or OperationCanceledException
        || exception.GetType().Namespace == "StackExchange.Redis"
        || exception is InvalidOperationException { Source: "System.IO.Pipelines" or "Pipelines.Sockets.Unofficial" };
}
