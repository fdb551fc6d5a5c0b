using CityEServices.Messaging.Persistence;
using CityEServices.TestSupport;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CityEServices.Messaging.Tests.Infrastructure;

/// <summary>
/// A Generic Host wired exactly as a service is (AddServiceDatabase + AddMessaging) against the shared
/// servers, with its own database and its own queue prefix so tests never see each other's messages.
/// </summary>
public sealed class MessagingHost : IAsyncDisposable
{
    private readonly IHost _host;

    private MessagingHost(IHost host, string prefix, string database)
    {
        _host = host;
        Prefix = prefix;
        Database = database;
    }

    public IServiceProvider Services => _host.Services;

    /// <summary>The service name given to AddMessaging: every queue of this host starts with it.</summary>
    public string Prefix { get; }

    public string Database { get; }

    public Observations Observations => Services.GetRequiredService<Observations>();

    public static async Task<MessagingHost> StartAsync(
        Servers servers,
        ITestOutputHelper output,
        Action<IBusRegistrationConfigurator> consumers,
        IDictionary<string, string?>? settings = null,
        bool waitForBroker = true)
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        var prefix = $"t{id}";
        var database = $"messaging_{id}";

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            // No appsettings, environment variables or command line: the test says everything the host sees.
            DisableDefaults = true,
            EnvironmentName = Environments.Development,
            ApplicationName = "CityEServices.Messaging.Tests",
        });
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }));
        builder.Logging.AddProvider(new XunitLoggerProvider(new TestOutputSink { Current = output }));
        // Every SQL command at Information drowns what matters; failed commands still log as errors.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);

        var configuration = new Dictionary<string, string?>
        {
            ["ConnectionStrings:test-db"] = servers.Postgres.ConnectionString(database),
            ["ConnectionStrings:rabbitmq"] = servers.RabbitMq.ConnectionString,
            // Short retries keep the tests fast; the behaviour under test is the same as in production.
            ["Messaging:Outbox:MinRetryDelay"] = "00:00:00.100",
            ["Messaging:Outbox:MaxRetryDelay"] = "00:00:01",
            ["Messaging:Outbox:PublishTimeout"] = "00:00:03",
            ["Messaging:Retry:MinInterval"] = "00:00:00.050",
            ["Messaging:Retry:MaxInterval"] = "00:00:00.200",
            ["Messaging:Retry:IntervalDelta"] = "00:00:00.050",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);

        builder.Services.AddSingleton<Observations>();
        builder.Services.AddConsumeObserver<DeliveryObserver>();
        builder.AddServiceDatabase<TestDb>("test-db");
        builder.AddMessaging<TestDb>(prefix, consumers);
        builder.Services.Configure<MassTransitHostOptions>(options =>
        {
            // A test publishes right after start: its queues must be bound to the exchanges by then.
            options.WaitUntilStarted = waitForBroker;
            options.StartTimeout = TimeSpan.FromSeconds(30);
            options.StopTimeout = TimeSpan.FromSeconds(15);
        });

        var host = builder.Build();
        var messagingHost = new MessagingHost(host, prefix, database);
        try
        {
            // As a service starts: its migrations (with the messaging tables) before anything runs.
            await host.MigrateDatabaseAsync<TestDb>(TimeSpan.FromSeconds(30));

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(45));
            await host.StartAsync(timeout.Token);
            return messagingHost;
        }
        catch
        {
            await messagingHost.DisposeAsync();
            throw;
        }
    }

    /// <summary>The queue MassTransit gives <typeparamref name="TConsumer"/> under this host's prefix.</summary>
    public string QueueOf<TConsumer>() where TConsumer : class, IConsumer =>
        new KebabCaseEndpointNameFormatter(Prefix, includeNamespace: false).Consumer<TConsumer>();

    /// <summary>Runs <paramref name="work"/> on a fresh scoped context, as one request of a service would.</summary>
    public async Task<T> WithDbAsync<T>(Func<TestDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TestDb>());
    }

    public Task WithDbAsync(Func<TestDb, Task> work) => WithDbAsync(async db =>
    {
        await work(db);
        return true;
    });

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await _host.StopAsync(timeout.Token);
        }
        finally
        {
            _host.Dispose();
        }
    }
}
