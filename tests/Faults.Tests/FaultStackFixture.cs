using System.Collections.Concurrent;
using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using CityEServices.Stack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CityEServices.Faults.Tests;

/// <summary>
/// The whole AppHost on free ports and throwaway data, started once for the fault tests and the
/// bad-input sweep by the stack launcher (as ./city run and the end-to-end tests start it), plus the
/// levers the tests pull: stop, start and kill a resource (Aspire's own resource commands, as the
/// dashboard's buttons do) and direct access to the PostgreSQL server.
/// </summary>
public sealed class FaultStackFixture : IAsyncLifetime
{
    public const string AdminPassword = "Faults-Admin-Passw0rd";

    /// <summary>A local server that exits the first time it starts and runs the second, as a RabbitMQ whose node could not start does.</summary>
    public const string FlakyServer = "flaky-server";

    private static readonly TimeSpan ResourceDeadline = TimeSpan.FromSeconds(120);

    private CityStack? _stack;
    private string? _adminToken;

    public DistributedApplication App => (_stack ?? throw new InvalidOperationException("stack not started")).App;

    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>What the launcher said while it started the stack.</summary>
    public ConcurrentQueue<string> Said { get; } = new();

    public async Task InitializeAsync()
    {
        var options = StackOptions.ForTests("faults");
        // In the stack's throwaway data, so it goes when the stack does.
        var marker = Path.Combine(options.DataDirectory!, "flaky-server-started");
        _stack = await CityStack.StartAsync(options with
        {
            AdminPassword = AdminPassword,
            // No sample data: the tests see only what they create.
            SampleData = false,
            // The sweep sends hundreds of requests as one admin; /api/track keeps its default limit.
            AppHostArgs = ["--Gateway:RateLimits:Api:PermitLimit=100000000", "--Gateway:RateLimits:Anonymous:PermitLimit=100000000"],
            Configure = builder =>
            {
                builder.AddExecutable(FlakyServer, "bash", Path.GetTempPath(), "-c",
                    $"if [ -e '{marker}' ]; then exec sleep 100000; fi; mkdir -p '{Path.GetDirectoryName(marker)}'; touch '{marker}'; echo 'node down: nodistribution'; exit 3");
                // The AppHost's appsettings log at Information; a fault test's output should show only trouble.
                builder.Services.AddLogging(logging => logging.AddFilter((_, level) => level >= LogLevel.Warning));
                builder.Services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler(o =>
                {
                    // The tests assert on the first answer, and a fault must not be hidden by a retry.
                    o.Retry.MaxRetryAttempts = 1;
                    o.Retry.ShouldHandle = _ => ValueTask.FromResult(false);
                    o.CircuitBreaker.ShouldHandle = _ => ValueTask.FromResult(false);
                    o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(40);
                    o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(60);
                    o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(90);
                    // Nor a breaker: a stack warming up answers 503s, and an open circuit would fail every later test with
                    // BrokenCircuitException instead of the answer it asserts on.
                    o.CircuitBreaker.ShouldHandle = _ => ValueTask.FromResult(false);
                }));
            },
        }, line =>
        {
            Said.Enqueue(line);
            Console.Error.WriteLine(line);
        });
        Gateway = _stack.CreateGatewayClient(TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        if (_stack is not null)
        {
            await _stack.DisposeAsync();
        }
    }

    public async Task<string> AdminTokenAsync() => _adminToken ??= await Gateway.GetTokenAsync("admin", AdminPassword);

    /// <summary>A client straight to one service's HTTP endpoint, bypassing the gateway.</summary>
    public HttpClient Service(string resource) => App.CreateHttpClient(resource, "http");

    /// <summary>A connection to one service's database (or "postgres" for the server itself).</summary>
    public async Task<NpgsqlConnection> OpenDatabaseAsync(string database)
    {
        var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={App.GetEndpoint("postgres", "tcp").Port};Username=postgres;Database={database};Pooling=false");
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>One number from a query with at most one positional parameter ($1; an array stays one parameter).</summary>
    public async Task<long> ScalarAsync(string database, string sql, object? parameter = null)
    {
        await using var connection = await OpenDatabaseAsync(database);
        await using var command = new NpgsqlCommand(sql, connection);
        if (parameter is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Stops a resource the way the dashboard's stop button does, and waits until it has stopped.</summary>
    public Task StopAsync(string resource) => App.StopResourceAsync(resource, ResourceDeadline);

    /// <summary>Starts a stopped resource again and waits until it reports healthy.</summary>
    public Task StartAsync(string resource) => App.StartResourceAsync(resource, ResourceDeadline);

    /// <summary>Kills a resource's process outright (SIGKILL: no graceful shutdown, in-flight work lost).</summary>
    public async Task KillAsync(string resource)
    {
        Assert.True(App.ResourceNotifications.TryGetCurrentState(resource, out var current), $"no resource {resource}");
        var pid = current!.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value;
        Assert.True(pid is not null, $"{resource} has no process id");
        using (var process = Process.GetProcessById(Convert.ToInt32(pid, System.Globalization.CultureInfo.InvariantCulture)))
        {
            process.Kill(entireProcessTree: true);
        }

        await WaitForStateAsync(resource, KnownResourceStates.TerminalStates);
    }

    public async Task WaitForHealthyAsync(string resource)
    {
        using var timeout = new CancellationTokenSource(ResourceDeadline);
        await App.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
    }

    /// <summary>Whether a resource is running right now (a crashed process shows as exited).</summary>
    public bool IsRunning(string resource) =>
        App.ResourceNotifications.TryGetCurrentState(resource, out var current) && current.Snapshot.State?.Text == KnownResourceStates.Running;

    private async Task WaitForStateAsync(string resource, IEnumerable<string> states)
    {
        using var timeout = new CancellationTokenSource(ResourceDeadline);
        await App.ResourceNotifications.WaitForResourceAsync(resource, states, timeout.Token);
    }
}

[CollectionDefinition(Name)]
public sealed class FaultStackCollection : ICollectionFixture<FaultStackFixture>
{
    public const string Name = "fault stack";
}
