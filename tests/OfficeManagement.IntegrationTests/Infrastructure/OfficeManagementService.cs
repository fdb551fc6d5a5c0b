using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using CityEServices.OfficeManagement.Data;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CityEServices.OfficeManagement.IntegrationTests.Infrastructure;

/// <summary>
/// The real office-management service (its Program, its migrations, its outbox relay, its gRPC server) on a
/// TestServer, against the shared PostgreSQL, RabbitMQ and Redis, with a database and a vhost of its
/// own. One per test class (a class fixture). The factory is keyed by the service's DbContext: any
/// type of the service's assembly names its entry point, and Extensions is static.
/// </summary>
public sealed class OfficeManagementService(Servers servers) : IAsyncLifetime
{
    private WebApplicationFactory<OfficeManagementDbContext>? _factory;

    public Servers Servers { get; } = servers;

    public string Id { get; } = Guid.NewGuid().ToString("N")[..10];

    public string Database => $"officemanagement_{Id}";

    public string VirtualHost => $"officemanagement-{Id}";

    public string RabbitMqConnectionString { get; private set; } = null!;

    public TestOutputSink Log { get; } = new();

    public WebApplicationFactory<OfficeManagementDbContext> Factory => _factory ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        RabbitMqConnectionString = await Servers.CreateVirtualHostAsync(VirtualHost);
        var settings = new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{Extensions.DatabaseName}"] = Servers.Postgres.ConnectionString(Database),
            ["ConnectionStrings:rabbitmq"] = RabbitMqConnectionString,
            ["ConnectionStrings:redis"] = Servers.Redis.ConnectionString,
            ["Identity:Url"] = TestTokens.IdentityUrl,
        };

        _factory = new WebApplicationFactory<OfficeManagementDbContext>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            foreach (var (key, value) in settings)
            {
                web.UseSetting(key, value);
            }

            web.ConfigureLogging(logging =>
            {
                // Into the running test's output (shown when it fails), not the runner's console.
                logging.ClearProviders();
                logging.AddProvider(new XunitLoggerProvider(Log));
                logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
                logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
                logging.AddFilter("System.Net.Http", LogLevel.Warning);
                logging.AddFilter("Polly", LogLevel.Warning);
            });
            web.ConfigureTestServices(TestTokens.TrustTestIssuer);
        });

        // Starting runs Program: migrations, then the host with the bus and the outbox relay.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await Task.Run(() => _factory.Server, timeout.Token).WaitAsync(timeout.Token);
    }

    public HttpClient CreateClient(string? token = null)
    {
        var client = Factory.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(30);
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>gRPC over the service's real pipeline: HTTP/2 through the TestServer.</summary>
    public GrpcChannel CreateGrpcChannel() =>
        GrpcChannel.ForAddress(Factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Factory.Server.CreateHandler() });

    public NpgsqlConnection OpenDatabase()
    {
        var connection = new NpgsqlConnection(Servers.Postgres.ConnectionString(Database));
        connection.Open();
        return connection;
    }

    public async Task<long> CountAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = OpenDatabase();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Every table this service writes, counted: a refused request must leave these unchanged.</summary>
    public async Task<(long Offices, long Licences, long Staff, long Attempts, long Outbox)> CountWritesAsync() => (
        await CountAsync("SELECT count(*) FROM offices"),
        await CountAsync("SELECT count(*) FROM office_licences"),
        await CountAsync("SELECT count(*) FROM staff_members"),
        await CountAsync("SELECT count(*) FROM qualification_attempts"),
        await CountAsync("SELECT count(*) FROM outbox_messages"));

    public sealed record OutboxRow(Guid Id, string MessageType, JsonElement Payload, string? CorrelationId, DateTimeOffset? PublishedAt);

    /// <summary>The outbox rows of events of <paramref name="eventName"/> (e.g. StaffCertified) about <paramref name="officeCode"/>.</summary>
    public async Task<IReadOnlyList<OutboxRow>> OutboxRowsAsync(string eventName, string officeCode)
    {
        await using var connection = OpenDatabase();
        await using var command = new NpgsqlCommand(
            "SELECT id, message_type, payload::text, correlation_id, published_at FROM outbox_messages WHERE message_type = @type AND payload->>'officeCode' = @office ORDER BY occurred_at",
            connection);
        command.Parameters.AddWithValue("type", $"CityEServices.Contracts.Events.{eventName}");
        command.Parameters.AddWithValue("office", officeCode);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<OutboxRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new OutboxRow(
                reader.GetGuid(0),
                reader.GetString(1),
                JsonDocument.Parse(reader.GetString(2)).RootElement.Clone(),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4)));
        }

        return rows;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }
}
