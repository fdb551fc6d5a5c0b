using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using CityEServices.Contracts.Events;
using CityEServices.Web.Audit;
using Grpc.Net.Client;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CityEServices.TestSupport;

/// <summary>
/// A real service (its Program, its migrations, its outbox relay, its gRPC server) on a TestServer,
/// against the shared PostgreSQL, RabbitMQ and Redis, with a database and a vhost of its own. One per
/// test class (a class fixture). The factory is keyed by <typeparamref name="TEntryPoint"/>: any type
/// of the service's assembly (its DbContext, say) names its entry point.
/// </summary>
/// <param name="servers">The shared servers.</param>
/// <param name="name">Prefix of the database (<c>{name}_{id}</c>) and the vhost (<c>{name}-{id}</c>).</param>
/// <param name="databaseConnectionName">The connection-string name the service reads its database from.</param>
public abstract class ServiceFactory<TEntryPoint>(ServerFixture servers, string name, string databaseConnectionName) : IAsyncLifetime, ILogsToTestOutput
    where TEntryPoint : class
{
    private WebApplicationFactory<TEntryPoint>? _factory;
    private IBusControl? _publisher;

    public ServerFixture Servers { get; } = servers;

    public string Id { get; } = Guid.NewGuid().ToString("N")[..10];

    public string Database => $"{name}_{Id}";

    public string VirtualHost => $"{name}-{Id}";

    public string RabbitMqConnectionString { get; private set; } = null!;

    public TestOutputSink Log { get; } = new();

    /// <summary>The clock the service under test runs on: events a test publishes are stamped by it, as its publishers' are.</summary>
    public TimeProvider Time => Factory.Services.GetRequiredService<TimeProvider>();

    public WebApplicationFactory<TEntryPoint> Factory => _factory ?? throw new InvalidOperationException("Not started.");

    public virtual async Task InitializeAsync()
    {
        RabbitMqConnectionString = await Servers.CreateVirtualHostAsync(VirtualHost);
        var settings = new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{databaseConnectionName}"] = Servers.Postgres.ConnectionString(Database),
            ["ConnectionStrings:rabbitmq"] = RabbitMqConnectionString,
            ["ConnectionStrings:redis"] = Servers.Redis.ConnectionString,
            ["Identity:Url"] = TestTokens.IdentityUrl,
        };
        ConfigureSettings(settings);

        _factory = new WebApplicationFactory<TEntryPoint>().WithWebHostBuilder(web =>
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
            web.ConfigureTestServices(services =>
            {
                if (AnswersArchivedHeads)
                {
                    services.Replace(ServiceDescriptor.Singleton<IArchivedHeads>(ArchivedHeads));
                }

                ConfigureTestServices(services);
            });
        });

        // Starting runs Program: migrations, then the host with the bus and the outbox relay.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await Task.Run(() => _factory.Server, timeout.Token).WaitAsync(timeout.Token);
        await WaitForBusAsync(timeout.Token);
        await OnStartedAsync(timeout.Token);
    }

    // MassTransit starts the bus in the background: until its receive endpoints are bound, a message a
    // test publishes has no queue to land in and is dropped by the broker.
    private async Task WaitForBusAsync(CancellationToken cancellationToken)
    {
        var health = Factory.Services.GetRequiredService<HealthCheckService>();
        HealthReport report;
        while ((report = await health.CheckHealthAsync(check => check.Tags.Contains("masstransit"), cancellationToken)).Status != HealthStatus.Healthy)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    /// <summary>
    /// The archive's copy of the service's audit chain heads, as the test sets it: no archive runs beside a service
    /// fixture, and asking for one would cost every audit/verify the gRPC deadline. The archive's own fixture keeps
    /// its real one (<see cref="AnswersArchivedHeads"/>).
    /// </summary>
    public ArchivedHeadsStub ArchivedHeads { get; } = new();

    protected virtual bool AnswersArchivedHeads => true;

    /// <summary>Adds to or overrides the configuration the service starts with.</summary>
    protected virtual void ConfigureSettings(IDictionary<string, string?> settings)
    {
    }

    /// <summary>Replaces services after the service's own registrations; the default trusts <see cref="TestTokens"/>.</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services) => TestTokens.TrustTestIssuer(services);

    /// <summary>Runs once the service has started, within the start-up deadline.</summary>
    protected virtual Task OnStartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Publishes on the service's vhost as another service's outbox relay does (the event id is the
    /// message id, durable, confirmed), from a bus of the test's own started on first use. The
    /// service's own endpoints are bound by then: start-up waited for its bus.
    /// </summary>
    public async Task PublishAsync<T>(T integrationEvent) where T : IntegrationEvent
    {
        if (_publisher is null)
        {
            var address = new Uri(RabbitMqConnectionString);
            var publisher = Bus.Factory.CreateUsingRabbitMq(bus => bus.Host(address.Host, (ushort)address.Port, VirtualHost, host =>
            {
                host.Username("guest");
                host.Password("guest");
                host.PublisherConfirmation = true;
            }));
            await publisher.StartAsync();
            _publisher = publisher;
        }

        await _publisher.Publish(integrationEvent, context =>
        {
            context.MessageId = integrationEvent.EventId;
            context.Durable = true;
        });
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
        await using var connection = await OpenDatabaseAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (parameter, value) in parameters)
        {
            command.Parameters.AddWithValue(parameter, value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public async Task ExecuteAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenDatabaseAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (parameter, value) in parameters)
        {
            command.Parameters.AddWithValue(parameter, value ?? DBNull.Value);
        }

        await command.ExecuteNonQueryAsync();
    }

    public sealed record OutboxRow(Guid Id, string MessageType, JsonElement Payload, string? CorrelationId, DateTimeOffset? PublishedAt);

    /// <summary>The outbox rows matching <paramref name="condition"/> (an SQL WHERE clause over outbox_messages), oldest first.</summary>
    protected async Task<IReadOnlyList<OutboxRow>> OutboxRowsWhereAsync(string condition, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenDatabaseAsync();
        await using var command = new NpgsqlCommand(
            $"SELECT id, message_type, payload::text, correlation_id, published_at FROM outbox_messages WHERE {condition} ORDER BY occurred_at",
            connection);
        foreach (var (parameter, value) in parameters)
        {
            command.Parameters.AddWithValue(parameter, value);
        }

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

    public virtual async Task DisposeAsync()
    {
        if (_publisher is not null)
        {
            await _publisher.StopAsync();
        }

        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    private async Task<NpgsqlConnection> OpenDatabaseAsync()
    {
        var connection = new NpgsqlConnection(Servers.Postgres.ConnectionString(Database));
        await connection.OpenAsync();
        return connection;
    }
}
