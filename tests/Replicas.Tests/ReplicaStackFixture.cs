using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Aspire.Hosting.ApplicationModel;
using CityEServices.Stack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CityEServices.Replicas.Tests;

/// <summary>
/// The whole AppHost with two replicas of every service (as <c>./city run --replicas 2</c> runs it), on
/// free ports and throwaway data, started once for the replica tests by the stack launcher. Each service
/// logs the requests it receives (ASP.NET Core's request log at Information), so a test can tell which
/// replica served what from each replica's own output; the archive's fixity schedule runs every few
/// seconds, so a test can watch it run once per period across both replicas.
/// </summary>
public sealed class ReplicaStackFixture : IAsyncLifetime
{
    public const string AdminPassword = "Replicas-Admin-Passw0rd";

    /// <summary>The fixity schedule's period in this stack (a day in a real one).</summary>
    public static readonly TimeSpan FixityInterval = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan ResourceDeadline = TimeSpan.FromSeconds(120);

    private CityStack? _stack;
    private string? _adminToken;

    public CityStack Stack => _stack ?? throw new InvalidOperationException("stack not started");

    public DistributedApplication App => Stack.App;

    /// <summary>The gateway at 127.0.0.1, through a plain client: no retry of its own that could hide a failed request.</summary>
    public HttpClient Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _stack = await CityStack.StartAsync(StackOptions.ForTests("replicas") with
        {
            Replicas = 2,
            AdminPassword = AdminPassword,
            SampleData = false,
            AppHostArgs = ["--Gateway:RateLimits:Api:PermitLimit=100000000", "--Gateway:RateLimits:Anonymous:PermitLimit=100000000"],
            ServiceEnvironment = new Dictionary<string, string>
            {
                ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
                ["Logging__LogLevel__CityEServices.Archive.Jobs"] = "Debug",
                ["Archive__Fixity__Interval"] = FixityInterval.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            },
            Configure = builder => builder.Services.AddLogging(logging => logging.AddFilter((_, level) => level >= LogLevel.Warning)),
        });
        Gateway = Stack.CreateGatewayClient(TimeSpan.FromSeconds(30));
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

    /// <summary>Every line one replica (a resource: <c>property</c>, <c>property-2</c>) has written so far.</summary>
    public async Task<IReadOnlyList<string>> LogsAsync(string replica)
    {
        var resource = App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == replica);
        var lines = new List<string>();
        await foreach (var batch in App.Services.GetRequiredService<ResourceLoggerService>().GetAllAsync(resource))
        {
            lines.AddRange(batch.Select(line => line.Content));
        }

        return lines;
    }

    /// <summary>How many requests for <paramref name="pathPart"/> a replica has logged receiving.</summary>
    public async Task<int> RequestsLoggedAsync(string replica, string pathPart) =>
        (await LogsAsync(replica)).Count(line => line.Contains("Request starting", StringComparison.Ordinal) && line.Contains(pathPart, StringComparison.Ordinal));

    /// <summary>Starts a stopped resource again (the dashboard's start button) and waits until it reports healthy.</summary>
    public Task StartAsync(string replica) => App.StartResourceAsync(replica, ResourceDeadline);

    /// <summary>Stops a resource (a server such as <c>redis-server</c>, or a replica) as the dashboard's stop button does, and waits until it has stopped.</summary>
    public Task StopAsync(string resource) => App.StopResourceAsync(resource, ResourceDeadline);

    public async Task WaitUntilExitedAsync(string replica)
    {
        using var timeout = new CancellationTokenSource(ResourceDeadline);
        await App.ResourceNotifications.WaitForResourceAsync(replica, KnownResourceStates.TerminalStates, timeout.Token);
    }

    /// <summary>A connection to one service's database.</summary>
    public async Task<NpgsqlConnection> OpenDatabaseAsync(string database)
    {
        var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={App.GetEndpoint("postgres", "tcp").Port};Username=postgres;Database={database};Pooling=false");
        await connection.OpenAsync();
        return connection;
    }
}

[CollectionDefinition(Name)]
public sealed class ReplicaStackCollection : ICollectionFixture<ReplicaStackFixture>
{
    public const string Name = "replica stack";
}
