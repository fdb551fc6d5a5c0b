using System.Net.Http.Headers;
using CityEServices.Archive.Data;
using CityEServices.Archive.Events;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CityEServices.Archive.IntegrationTests.Infrastructure;

/// <summary>
/// The real archive service (its Program, migrations, consumer and gRPC server) on a TestServer,
/// against the shared PostgreSQL, RabbitMQ and Redis, with a database and a vhost of its own, plus a
/// MassTransit bus of the test's own on that vhost to publish events as urban planning's relay does.
/// One per test class (a class fixture). The factory is keyed by the service's DbContext: any type of
/// the service's assembly names its entry point, and Extensions is static.
/// </summary>
public sealed class ArchiveService(Servers servers) : IAsyncLifetime
{
    private WebApplicationFactory<ArchiveDbContext>? _factory;
    private IBusControl? _publisher;

    public Servers Servers { get; } = servers;

    public string Id { get; } = Guid.NewGuid().ToString("N")[..10];

    public string Database => $"archive_{Id}";

    public string VirtualHost => $"archive-{Id}";

    /// <summary>The queue MassTransit gives the dossier consumer under the service's prefix.</summary>
    public static string ConsumerQueue { get; } =
        new KebabCaseEndpointNameFormatter(Extensions.ServiceName, includeNamespace: false).Consumer<UrbanPlanningFileOpenedConsumer>();

    public TestOutputSink Log { get; } = new();

    public Deliveries Deliveries => Factory.Services.GetRequiredService<Deliveries>();

    public WebApplicationFactory<ArchiveDbContext> Factory => _factory ?? throw new InvalidOperationException("Not started.");

    public IBus Publisher => _publisher ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        var rabbitMq = await Servers.CreateVirtualHostAsync(VirtualHost);
        var settings = new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{Extensions.DatabaseName}"] = Servers.Postgres.ConnectionString(Database),
            ["ConnectionStrings:rabbitmq"] = rabbitMq,
            ["ConnectionStrings:redis"] = Servers.Redis.ConnectionString,
            ["Identity:Url"] = TestTokens.IdentityUrl,
        };

        _factory = new WebApplicationFactory<ArchiveDbContext>().WithWebHostBuilder(web =>
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
            });
            web.ConfigureTestServices(services =>
            {
                TestTokens.TrustTestIssuer(services);
                // Lets a test know when a delivery has been dealt with, duplicates included.
                services.AddSingleton<Deliveries>();
                services.AddConsumeObserver<DeliveryObserver>();
            });
        });

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await Task.Run(() => _factory.Server, timeout.Token).WaitAsync(timeout.Token);

        // The bus starts in the background: publishing before its queue is bound would route to nowhere.
        await Eventually.UntilAsync(
            async () => await Servers.GetQueueConsumersAsync(VirtualHost, ConsumerQueue) > 0,
            TimeSpan.FromSeconds(30),
            $"the archive consuming from {ConsumerQueue}");

        var address = new Uri(rabbitMq);
        _publisher = Bus.Factory.CreateUsingRabbitMq(bus => bus.Host(address.Host, (ushort)address.Port, VirtualHost, host =>
        {
            host.Username("guest");
            host.Password("guest");
            host.PublisherConfirmation = true;
        }));
        await _publisher.StartAsync(timeout.Token);
    }

    /// <summary>Publishes as urban planning's outbox relay does: the event id is the message id.</summary>
    public Task PublishAsync<T>(T integrationEvent) where T : Contracts.Events.IntegrationEvent =>
        Publisher.Publish(integrationEvent, context =>
        {
            context.MessageId = integrationEvent.EventId;
            context.Durable = true;
        });

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

    public async Task<long> CountAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(Servers.Postgres.ConnectionString(Database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task ExecuteAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(Servers.Postgres.ConnectionString(Database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A dossier as the consumer would have written it, for tests about reading rather than consuming.</summary>
    public Task InsertDossierAsync(string fileNumber, string renovationCode, int district, string officeCode) =>
        ExecuteAsync(
            "INSERT INTO dossiers (file_number, renovation_code, district, office_code, opened_at, created_at) VALUES (@f, @r, @d, @o, now(), now())",
            ("f", fileNumber), ("r", renovationCode), ("d", district), ("o", officeCode));

    public Task InsertDocumentAsync(string category, string? fileNumber, string? renovationCode, int? district, int version = 1) =>
        ExecuteAsync(
            """
            INSERT INTO documents (id, category_code, renovation_code, file_number, district, title, source, sha256, size_bytes, content_type, pages, version, scanned_at, created_at)
            VALUES (@id, @c, @r, @f, @d, @t, 'OfficeScan', @h, 1024, 'application/pdf', 1, @v, now(), now())
            """,
            ("id", Guid.NewGuid()), ("c", category), ("r", renovationCode), ("f", fileNumber), ("d", district), ("t", $"{category} scan"),
            ("h", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Guid.NewGuid().ToByteArray()))), ("v", version));

    public async Task DisposeAsync()
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
}
