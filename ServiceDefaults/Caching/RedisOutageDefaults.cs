namespace CityEServices.ServiceDefaults.Caching;

/// <summary>
/// Redis is a cache and a limiter here, never the source of truth, so a Redis outage must cost a
/// request milliseconds, not StackExchange.Redis's default 5 s per command (commands wait in its
/// backlog for a reconnect until they time out). Five seconds per cache call pushed gRPC questions
/// between services past their deadline and turned "Redis is down" into 503s. These are defaults
/// under every other configuration source, so <c>Aspire:StackExchange:Redis:ConfigurationOptions</c>
/// set anywhere still wins.
/// </summary>
internal static class RedisOutageDefaults
{
    private const string Section = "Aspire:StackExchange:Redis:ConfigurationOptions:";

    public static void AddRedisOutageDefaults(this IHostApplicationBuilder builder)
    {
        builder.Configuration.AddLowestPrecedence(new Dictionary<string, string?>
        {
            [Section + "ConnectTimeout"] = "2000",
            [Section + "AsyncTimeout"] = "500",
            [Section + "SyncTimeout"] = "500",
        });
    }
}
