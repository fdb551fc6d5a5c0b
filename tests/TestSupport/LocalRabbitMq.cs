using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CityEServices.Stack.Processes;

namespace CityEServices.TestSupport;

/// <summary>
/// A real RabbitMQ broker from the Debian package on free loopback ports, with the management API
/// so tests can look into queues (an error queue's depth, say). Can be stopped and started again on
/// the same ports and data, as a broker outage would.
/// </summary>
public sealed class LocalRabbitMq : IAsyncDisposable
{
    private readonly ServerProcess _server;
    private readonly HttpClient _management;

    private LocalRabbitMq(int amqpPort, int managementPort, string dataDirectory)
    {
        AmqpPort = amqpPort;
        ManagementPort = managementPort;
        _server = new ServerProcess("rabbitmq", "rabbitmq.sh",
            [dataDirectory, amqpPort.ToString(), managementPort.ToString(), (EpmdPort = FreePort.Next()).ToString(), FreePort.Next().ToString()],
            IsReadyAsync,
            dataDirectory: dataDirectory,
            epmdPort: EpmdPort);
        _management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{managementPort}/api/") };
        _management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("guest:guest")));
    }

    public int AmqpPort { get; }

    public int ManagementPort { get; }

    /// <summary>The broker's private Erlang port mapper, stopped with it on dispose.</summary>
    public int EpmdPort { get; private set; }

    public string ConnectionString => $"amqp://guest:guest@127.0.0.1:{AmqpPort}/";

    public string Output => _server.Output;

    public static async Task<LocalRabbitMq> StartAsync()
    {
        var rabbit = new LocalRabbitMq(FreePort.Next(), FreePort.Next(), RepositoryPaths.NewDataDirectory("rabbitmq"));
        try
        {
            await rabbit.StartAgainAsync();
        }
        catch
        {
            // A server that did not become ready in time may still be running: stop it before giving up.
            await rabbit.DisposeAsync();
            throw;
        }

        return rabbit;
    }

    public Task StartAgainAsync() => _server.StartAsync(TimeSpan.FromSeconds(90));

    public Task StopAsync() => _server.StopAsync(TimeSpan.FromSeconds(60));

    /// <summary>Messages ready in a queue, or null when the queue does not exist.</summary>
    public async Task<long?> GetQueueDepthAsync(string queue, CancellationToken cancellationToken = default)
    {
        using var response = await _management.GetAsync($"queues/%2F/{Uri.EscapeDataString(queue)}", cancellationToken);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        // The management API refreshes counters every few seconds; messages_ready may lag behind.
        return json.RootElement.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Number ? messages.GetInt64() : 0;
    }

    /// <summary>Every queue of the default vhost whose name starts with <paramref name="prefix"/>, with its type (classic, quorum).</summary>
    public async Task<IReadOnlyDictionary<string, string>> QueueTypesAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var queues = await _management.GetFromJsonAsync<List<JsonElement>>("queues/%2F", cancellationToken) ?? [];
        return queues
            .Where(q => q.GetProperty("name").GetString()!.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(q => q.GetProperty("name").GetString()!, q => q.TryGetProperty("type", out var type) ? type.GetString() ?? "classic" : "classic");
    }

    /// <summary>Fetches (and requeues) up to <paramref name="count"/> messages of a queue, to read what is in it.</summary>
    public async Task<IReadOnlyList<JsonElement>> PeekAsync(string queue, int count, CancellationToken cancellationToken = default)
    {
        using var response = await _management.PostAsJsonAsync($"queues/%2F/{Uri.EscapeDataString(queue)}/get",
            new { count, ackmode = "ack_requeue_true", encoding = "auto" }, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<List<JsonElement>>(cancellationToken) ?? [];
    }

    public async ValueTask DisposeAsync()
    {
        _management.Dispose();
        await _server.DisposeAsync();
        Epmd.Kill(EpmdPort);
    }

    private async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        if (!await FreePort.IsListeningAsync(AmqpPort, cancellationToken))
        {
            return false;
        }

        using var response = await _management.GetAsync("overview", cancellationToken);
        return response.IsSuccessStatusCode;
    }
}
