using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CityEServices.TestSupport;

/// <summary>
/// One real PostgreSQL, RabbitMQ and Redis for the whole test assembly: they take seconds to start,
/// so every test class shares them and keeps apart by its own database and its own broker vhost.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    /// <summary>The name each test assembly's collection definition gives this fixture.</summary>
    public const string CollectionName = "PostgreSQL, RabbitMQ and Redis";

    private HttpClient? _management;

    public LocalPostgres Postgres { get; private set; } = null!;

    public LocalRabbitMq RabbitMq { get; private set; } = null!;

    public LocalRedis Redis { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var postgres = LocalPostgres.StartAsync();
        var rabbit = LocalRabbitMq.StartAsync();
        var redis = LocalRedis.StartAsync();
        try
        {
            Postgres = await postgres;
            RabbitMq = await rabbit;
            Redis = await redis;
        }
        catch
        {
            // Whichever did start must not outlive a failed fixture.
            await DisposeStartedAsync(postgres);
            await DisposeStartedAsync(rabbit);
            await DisposeStartedAsync(redis);
            Postgres = null!;
            RabbitMq = null!;
            Redis = null!;
            throw;
        }

        _management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{RabbitMq.ManagementPort}/api/"), Timeout = TimeSpan.FromSeconds(15) };
        _management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("guest:guest")));
    }

    /// <summary>
    /// A fresh vhost: each service instance gets its own exchanges and queues, so one test class never
    /// consumes (or is handed) another's messages. Returns the amqp:// connection string into it.
    /// </summary>
    public async Task<string> CreateVirtualHostAsync(string name)
    {
        var management = _management ?? throw new InvalidOperationException("The servers have not started.");
        var escaped = Uri.EscapeDataString(name);
        using (var created = await management.PutAsync($"vhosts/{escaped}", JsonContent.Create(new { })))
        {
            created.EnsureSuccessStatusCode();
        }

        using (var permitted = await management.PutAsJsonAsync($"permissions/{escaped}/guest", new { configure = ".*", write = ".*", read = ".*" }))
        {
            permitted.EnsureSuccessStatusCode();
        }

        return $"amqp://guest:guest@127.0.0.1:{RabbitMq.AmqpPort}/{escaped}";
    }

    /// <summary>How many consumers a queue of <paramref name="virtualHost"/> has; 0 while it does not exist yet.</summary>
    public async Task<int> GetQueueConsumersAsync(string virtualHost, string queue)
    {
        var management = _management ?? throw new InvalidOperationException("The servers have not started.");
        using var response = await management.GetAsync($"queues/{Uri.EscapeDataString(virtualHost)}/{Uri.EscapeDataString(queue)}");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return 0;
        }

        response.EnsureSuccessStatusCode();
        var queueInfo = await response.Content.ReadFromJsonAsync<JsonElement>();
        return queueInfo.TryGetProperty("consumers", out var consumers) && consumers.ValueKind == JsonValueKind.Number ? consumers.GetInt32() : 0;
    }

    public async Task DisposeAsync()
    {
        _management?.Dispose();
        // Null when InitializeAsync failed (it cleaned up then); xunit still calls this.
        await Task.WhenAll(
            Postgres?.DisposeAsync().AsTask() ?? Task.CompletedTask,
            RabbitMq?.DisposeAsync().AsTask() ?? Task.CompletedTask,
            Redis?.DisposeAsync().AsTask() ?? Task.CompletedTask);
    }

    private static async Task DisposeStartedAsync<T>(Task<T> starting) where T : IAsyncDisposable
    {
        try
        {
            await (await starting).DisposeAsync();
        }
        catch
        {
            // It never started.
        }
    }
}
