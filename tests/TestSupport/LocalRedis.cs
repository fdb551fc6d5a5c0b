namespace CityEServices.TestSupport;

/// <summary>A real redis-server from the Debian package on a free loopback port.</summary>
public sealed class LocalRedis : IAsyncDisposable
{
    private readonly ServerProcess _server;

    private LocalRedis(int port, string dataDirectory)
    {
        Port = port;
        _server = new ServerProcess("redis", "redis.sh", [port.ToString(), dataDirectory, "--appendonly", "no"], ct => FreePort.IsListeningAsync(port, ct),
            dataDirectory: dataDirectory);
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<LocalRedis> StartAsync()
    {
        var redis = new LocalRedis(FreePort.Next(), RepositoryPaths.NewDataDirectory("redis"));
        try
        {
            await redis.StartAgainAsync();
        }
        catch
        {
            // A server that did not become ready in time may still be running: stop it before giving up.
            await redis.DisposeAsync();
            throw;
        }

        return redis;
    }

    public Task StartAgainAsync() => _server.StartAsync(TimeSpan.FromSeconds(30));

    public Task StopAsync() => _server.StopAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
