using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using CityEServices.UrbanPlanning.Data;
using Npgsql;

namespace CityEServices.UrbanPlanning.IntegrationTests.Infrastructure;

/// <summary>
/// The real urban-planning service (its Program, its migrations, its outbox relay) on a TestServer,
/// against the shared PostgreSQL, RabbitMQ and Redis, with a database and a vhost of its own. The
/// services it asks (office management, property) are fakes on real gRPC endpoints.
/// One per test class (a class fixture). The factory is keyed by the service's DbContext: any type of
/// the service's assembly names its entry point, and Extensions is static.
/// </summary>
public class UrbanPlanningService(Servers servers) : IAsyncLifetime
{
    private WebApplicationFactory<UrbanPlanningDbContext>? _factory;

    public Servers Servers { get; } = servers;

    public string Id { get; } = Guid.NewGuid().ToString("N")[..10];

    public string Database => $"urbanplanning_{Id}";

    public string VirtualHost => $"urbanplanning-{Id}";

    public string RabbitMqConnectionString { get; private set; } = null!;

    public FakeGrpcServer<FakeOfficeAuthorizationService, FakeOffices> OfficeManagement { get; } = new(new FakeOffices());

    public FakeGrpcServer<FakePropertyRegistryService, FakeProperties> Property { get; } = new(new FakeProperties());

    public FakeOffices Offices => OfficeManagement.State;

    public FakeProperties Properties => Property.State;

    public TestOutputSink Log { get; } = new();

    public WebApplicationFactory<UrbanPlanningDbContext> Factory => _factory ?? throw new InvalidOperationException("Not started.");

    /// <summary>Settings a derived fixture adds or overrides.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [];

    public async Task InitializeAsync()
    {
        RabbitMqConnectionString = await Servers.CreateVirtualHostAsync(VirtualHost);
        await OfficeManagement.StartAsync();
        await Property.StartAsync();

        var settings = new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{Extensions.DatabaseName}"] = Servers.Postgres.ConnectionString(Database),
            ["ConnectionStrings:rabbitmq"] = RabbitMqConnectionString,
            ["ConnectionStrings:redis"] = Servers.Redis.ConnectionString,
            ["Identity:Url"] = TestTokens.IdentityUrl,
            // Straight at the fakes' ports; service discovery passes a literal address through.
            ["Grpc:OfficeManagement"] = OfficeManagement.Address.ToString(),
            ["Grpc:Property"] = Property.Address.ToString(),
            ["Grpc:Archive"] = "http://127.0.0.1:9",
        };
        foreach (var (key, value) in ExtraSettings)
        {
            settings[key] = value;
        }

        _factory = new WebApplicationFactory<UrbanPlanningDbContext>().WithWebHostBuilder(web =>
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

        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await OfficeManagement.DisposeAsync();
        await Property.DisposeAsync();
    }
}
