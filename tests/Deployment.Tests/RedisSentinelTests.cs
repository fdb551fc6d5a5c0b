using System.Diagnostics;
using StackExchange.Redis;

namespace CityEServices.Deployment.Tests;

/// <summary>
/// The prod overlay's Redis with Sentinel, run here: redis-node.sh (its ConfigMap script) starts two
/// Redis and a Sentinel with the Debian redis-server, with the Secrets create-secrets.sh prod makes, and
/// StackExchange.Redis connects with a service's connection string the way the services do.
/// </summary>
public sealed class RedisSentinelTests : IAsyncLifetime
{
    private static readonly string Script = Path.Combine(RepositoryPaths.Root, "deploy", "kubernetes", "overlays", "prod", "servers", "redis", "redis-node.sh");

    private readonly List<ServerProcess> _servers = [];
    private readonly List<string> _directories = [];
    private readonly int _primaryPort = FreePort.Next();
    private readonly int _replicaPort = FreePort.Next();
    private readonly int _sentinelPort = FreePort.Next();
    private IReadOnlyList<CreatedSecret> _secrets = [];

    public async Task InitializeAsync()
    {
        _secrets = await SecretsScript.CreateAsync("prod", SecretsScriptTests.BackupKeys);
        await StartAsync("redis", _primaryPort);
        await StartAsync("redis", _replicaPort);
        await StartAsync("sentinel", _primaryPort);
    }

    public async Task DisposeAsync()
    {
        foreach (var server in Enumerable.Reverse(_servers))
        {
            await server.DisposeAsync();
        }

        foreach (var directory in _directories.Where(Directory.Exists))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_service_reaches_the_primary_through_the_Sentinel_and_only_its_own_keys()
    {
        await using var redis = await ConnectAsync("property");
        var db = redis.GetDatabase();

        await db.StringSetAsync("property:probe", "1", TimeSpan.FromMinutes(1));
        var other = await Assert.ThrowsAsync<RedisServerException>(() => db.StringSetAsync("archive:probe", "1"));
        // Admin mode only so the client sends it: the server is what refuses.
        await using var admin = await ConnectAsync("property", ",allowAdmin=true");
        var flush = await Assert.ThrowsAsync<RedisServerException>(() => admin.GetDatabase().ExecuteAsync("FLUSHALL"));

        Assert.Contains("NOPERM", other.Message, StringComparison.Ordinal);
        Assert.Contains("NOPERM", flush.Message, StringComparison.Ordinal);
        await using var replica = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{_replicaPort},user=property,password={Password("property")}");
        await Eventually.UntilAsync(async () => await replica.GetDatabase().StringGetAsync("property:probe") == "1", TimeSpan.FromSeconds(15), "the replica has the primary's write");
    }

    [Fact]
    public async Task A_primary_that_is_stopped_hands_over_and_the_service_writes_to_the_new_one()
    {
        await using var redis = await ConnectAsync("archive");
        await redis.GetDatabase().StringSetAsync("archive:before", "1", TimeSpan.FromMinutes(1));
        await Eventually.UntilAsync(async () => (await SentinelAsync("replicas", "city")).Contains($"{_replicaPort}", StringComparison.Ordinal)
            && !(await SentinelAsync("replicas", "city")).Contains("disconnected", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the Sentinel knows the replica");

        // Replication is asynchronous, and the hook's wait for the replicas to catch up was once seen to let
        // the failover lose this write (CI, under load): this test is about the handover, so the write is on
        // the replica before it starts.
        await using var replica = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{_replicaPort},user=archive,password={Password("archive")}");
        await Eventually.UntilAsync(async () => await replica.GetDatabase().StringGetAsync("archive:before") == "1", TimeSpan.FromSeconds(15), "the replica has the primary's write");

        // The preStop hook of the primary's pod.
        var prestop = await RunAsync("prestop", _primaryPort);
        Assert.True(prestop.ExitCode == 0, prestop.Output);

        Assert.Contains($"{_replicaPort}", await SentinelAsync("get-master-addr-by-name", "city"), StringComparison.Ordinal);
        await Eventually.UntilAsync(async () =>
        {
            try
            {
                await redis.GetDatabase().StringSetAsync("archive:after", "2", TimeSpan.FromMinutes(1));
                return true;
            }
            catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
            {
                return false; // still on the old primary, now a read-only replica
            }
        }, TimeSpan.FromSeconds(30), "the service writes again, to the new primary");
        Assert.Equal("1", await redis.GetDatabase().StringGetAsync("archive:before"));
    }

    private Task<ConnectionMultiplexer> ConnectAsync(string service, string options = "")
    {
        var connectionString = _secrets.Single(s => s.Name == $"{service}-redis").Values["connection-string"]
            .Replace("redis-sentinel:26379", $"127.0.0.1:{_sentinelPort}", StringComparison.Ordinal) + options;
        Assert.Contains("serviceName=", connectionString, StringComparison.Ordinal);
        return ConnectionMultiplexer.ConnectAsync(connectionString);
    }

    private string Password(string service) => _secrets.Single(s => s.Name == $"{service}-redis").Values["password"];

    private string Internal(string key) => _secrets.Single(s => s.Name == "redis-internal").Values[key];

    private Dictionary<string, string> Environment(int redisPort)
    {
        var users = _secrets.Where(s => s.Name.EndsWith("-redis", StringComparison.Ordinal)).Select(s => s.Name[..^"-redis".Length]).ToList();
        var directory = RepositoryPaths.NewDataDirectory("redis-node");
        _directories.Add(directory);
        var environment = new Dictionary<string, string>
        {
            ["REDIS_BIND"] = "127.0.0.1",
            ["REDIS_HOST"] = "127.0.0.1",
            ["REDIS_PORT"] = redisPort.ToString(),
            ["SENTINEL_PORT"] = (redisPort == _primaryPort ? _sentinelPort : FreePort.Next()).ToString(),
            ["SENTINELS"] = $"127.0.0.1:{_sentinelPort}",
            ["REDIS_BOOTSTRAP"] = $"127.0.0.1:{_primaryPort}",
            ["SENTINEL_QUORUM"] = "1",
            ["SENTINEL_DOWN_AFTER_MS"] = "2000",
            ["REDIS_MAXMEMORY"] = "64mb",
            ["REDIS_CONF_DIR"] = Path.Combine(directory, "conf"),
            ["REDIS_DATA_DIR"] = Path.Combine(directory, "data"),
            ["REDIS_USERS"] = string.Join(' ', users),
            ["REPLICATION_PASSWORD"] = Internal("replication-password"),
            ["SENTINEL_PASSWORD"] = Internal("sentinel-password"),
        };
        foreach (var user in users)
        {
            environment[$"PASSWORD_{user}"] = Password(user);
        }

        return environment;
    }

    /// <summary>One container of a Redis pod: redis-node.sh MODE with that node's environment, as a server that is ready when its port answers.</summary>
    private async Task StartAsync(string mode, int redisPort)
    {
        var environment = Environment(redisPort);
        var port = mode == "sentinel" ? _sentinelPort : redisPort;
        var wrapper = Path.Combine(Path.GetDirectoryName(environment["REDIS_CONF_DIR"])!, $"{mode}.sh");
        await File.WriteAllTextAsync(wrapper, string.Concat(environment.Select(e => $"export {e.Key}='{e.Value}'\n")) + $"exec sh '{Script}' {mode}\n");
        var server = new ServerProcess($"{mode}:{port}", wrapper, [], ct => FreePort.IsListeningAsync(port, ct));
        _servers.Add(server);
        await server.StartAsync(TimeSpan.FromSeconds(30));
    }

    private async Task<(int ExitCode, string Output)> RunAsync(string mode, int redisPort)
    {
        var start = new ProcessStartInfo("sh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(mode);
        var environment = Environment(redisPort);
        environment["SENTINEL_PORT"] = _sentinelPort.ToString();
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await Eventually.WithinAsync(process.WaitForExitAsync(), TimeSpan.FromSeconds(40), $"redis-node.sh {mode} ends");
        return (process.ExitCode, await output + await error);
    }

    private async Task<string> SentinelAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("redis-cli") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--no-auth-warning", "--user", "sentinel", "--pass", Internal("sentinel-password"), "-p", _sentinelPort.ToString(), "sentinel" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }
}
