using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using CityEServices.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace CityEServices.EndToEnd.Tests;

/// <summary>
/// The real AppHost — every service, the gateway, and real PostgreSQL, RabbitMQ and Redis from the
/// Debian binaries — started once for all end-to-end tests, on free ports and throwaway data.
/// </summary>
public sealed class CityStackFixture : IAsyncLifetime
{
    public const string AdminPassword = "E2e-Admin-Passw0rd";

    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("stack not started");

    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>The stack's throwaway data folder (servers' data; the archive's content store is its "archive" folder).</summary>
    public string DataDirectory { get; private set; } = null!;

    private readonly int _epmdPort = FreePort.Next();

    public async Task InitializeAsync()
    {
        var dataDirectory = DataDirectory = RepositoryPaths.NewDataDirectory("stack");
        string[] args =
        [
            "--Infrastructure:Mode=local",
            $"--LocalServers:DataDirectory={dataDirectory}",
            $"--LocalServers:PostgresPort={FreePort.Next()}",
            $"--LocalServers:RabbitMqPort={FreePort.Next()}",
            $"--LocalServers:RabbitMqManagementPort={FreePort.Next()}",
            $"--LocalServers:RabbitMqEpmdPort={_epmdPort}",
            $"--LocalServers:RabbitMqDistributionPort={FreePort.Next()}",
            $"--LocalServers:RedisPort={FreePort.Next()}",
            $"--Gateway:Port={FreePort.Next()}",
            $"--Parameters:admin-password={AdminPassword}",
            "--DcpPublisher:ContainerRuntimeInitializationTimeout=00:00:00",
            // Every test calls from one address and a handful of users: limits far above what they send.
            "--Gateway:RateLimits:Api:PermitLimit=1000000",
            "--Gateway:RateLimits:Track:PermitLimit=100000",
            "--Gateway:RateLimits:Anonymous:PermitLimit=100000",
        ];

        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(args);
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.Services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler(o =>
        {
            // Tests assert on the first answer; retries would hide a 5xx.
            o.Retry.MaxRetryAttempts = 1;
            o.Retry.ShouldHandle = _ => ValueTask.FromResult(false);
            o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(30);
            o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(60);
            o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(60);
        }));

        _app = await builder.BuildAsync();
        // About a minute on a quiet machine; a shared, loaded one needs far longer (CITY_STACK_START_MINUTES).
        using var start = new CancellationTokenSource(TimeSpan.FromMinutes(StartBudgetMinutes));
        await _app.StartAsync(start.Token);
        // The gateway starts alongside the services, not after them: the stack is up when every project is.
        foreach (var project in _app.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ProjectResource>())
        {
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(project.Name, start.Token);
        }
        Gateway = _app.CreateHttpClient("gateway", "http");
    }

    private static double StartBudgetMinutes =>
        double.TryParse(Environment.GetEnvironmentVariable("CITY_STACK_START_MINUTES"), System.Globalization.CultureInfo.InvariantCulture, out var minutes) && minutes > 0 ? minutes : 8;

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Epmd.Kill(_epmdPort);
    }
}

[CollectionDefinition(Name)]
public sealed class CityStackCollection : ICollectionFixture<CityStackFixture>
{
    public const string Name = "city stack";
}
