using Aspire.Hosting;
using Aspire.Hosting.Testing;
using CityEServices.Stack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace CityEServices.EndToEnd.Tests;

/// <summary>
/// The real AppHost — every service, the gateway, and real PostgreSQL, RabbitMQ and Redis from the
/// Debian binaries — started once for all end-to-end tests by the stack launcher (the way ./city run
/// and ./city bench start it), on free ports and throwaway data.
/// </summary>
public sealed class CityStackFixture : IAsyncLifetime
{
    public const string AdminPassword = "E2e-Admin-Passw0rd";

    private CityStack? _stack;

    public CityStack Stack => _stack ?? throw new InvalidOperationException("stack not started");

    public DistributedApplication App => Stack.App;

    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>The stack's throwaway data folder (servers' data; the archive's content store is its "archive" folder).</summary>
    public string DataDirectory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var options = StackOptions.ForTests("stack") with
        {
            AdminPassword = AdminPassword,
            // Every test calls from one address and a handful of users: limits far above what they send.
            AppHostArgs =
            [
                "--Gateway:RateLimits:Api:PermitLimit=1000000",
                "--Gateway:RateLimits:Track:PermitLimit=100000",
                "--Gateway:RateLimits:Anonymous:PermitLimit=100000",
            ],
            Configure = builder =>
            {
                builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
                builder.Services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler(o =>
                {
                    // Tests assert on the first answer; retries would hide a 5xx.
                    o.Retry.MaxRetryAttempts = 1;
                    o.Retry.ShouldHandle = _ => ValueTask.FromResult(false);
                    o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(30);
                    o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(60);
                    o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(60);
                    // Nor a breaker: a stack warming up answers 503s, and an open circuit would fail every later test with
                    // BrokenCircuitException instead of the answer it asserts on.
                    o.CircuitBreaker.ShouldHandle = _ => ValueTask.FromResult(false);
                }));
            },
        };
        DataDirectory = options.DataDirectory!;
        _stack = await CityStack.StartAsync(options);
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
}

[CollectionDefinition(Name)]
public sealed class CityStackCollection : ICollectionFixture<CityStackFixture>
{
    public const string Name = "city stack";
}
