using Aspire.Hosting.Testing;

namespace CityEServices.Stack;

/// <summary>How to start the city: one set of options for ./city run, ./city bench and the test fixtures.</summary>
public sealed record StackOptions
{
    /// <summary>The stack's ledger is <c>.city/processes/&lt;Name&gt;.json</c>; one live stack per name.</summary>
    public required string Name { get; init; }

    public StackPorts Ports { get; init; } = StackPorts.Defaults;

    /// <summary>Servers' data and the archive's content store; null keeps the AppHost's own (.city/data).</summary>
    public string? DataDirectory { get; init; }

    /// <summary>The data folder is this stack's alone: deleted when it stops (or, after a crash, by the next ./city).</summary>
    public bool ThrowawayData { get; init; }

    /// <summary>The developer dashboard (it ingests every span and metric: off where figures or CPU matter).</summary>
    public bool Dashboard { get; init; }

    /// <summary>PostgreSQL, RabbitMQ and Redis from the Debian binaries whatever else the machine offers.</summary>
    public bool LocalServers { get; init; }

    /// <summary>The AppHost's admin-password parameter; null leaves it to its configuration (Parameters__admin-password).</summary>
    public string? AdminPassword { get; init; }

    /// <summary>Development sample data (offices, properties) written by the services at start-up.</summary>
    public bool SampleData { get; init; } = true;

    /// <summary>Processes per service behind the gateway (the AppHost's Scale:Replicas): 1, or 2 for ./city run --replicas 2.</summary>
    public int Replicas { get; init; } = 1;

    /// <summary>
    /// Environment variables every service process gets (they inherit the AppHost's environment through the
    /// orchestrator), e.g. a shorter job interval or a log level a test observes.
    /// </summary>
    public IReadOnlyDictionary<string, string> ServiceEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>Every resource's console output through this process's logging (tests); otherwise the dashboard has it.</summary>
    public bool ResourceLogs { get; init; }

    /// <summary>More AppHost configuration, as command-line switches (<c>--Gateway:RateLimits:Api:PermitLimit=…</c>).</summary>
    public IReadOnlyList<string> AppHostArgs { get; init; } = [];

    /// <summary>Last changes to the builder before it is built (logging, HTTP client defaults in tests).</summary>
    public Action<IDistributedApplicationTestingBuilder>? Configure { get; init; }

    /// <summary>The owner is a launcher that SIGTERM stops (./city stop may ask it to); a test host is never signalled.</summary>
    public bool StopsOnSigterm { get; init; }

    /// <summary>Waits until no other stack that takes turns runs on this machine, and holds the turn for its life (test stacks; see <see cref="StackTurn"/>).</summary>
    public bool TakesTurns { get; init; }

    /// <summary>Whether starting includes waiting until every project answers /health (a developer's run watches the dashboard instead).</summary>
    public bool WaitUntilHealthy { get; init; } = true;

    /// <summary>Start to every project healthy. A shared, loaded machine needs far longer than a quiet one: CITY_STACK_START_MINUTES.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromMinutes(
        double.TryParse(Environment.GetEnvironmentVariable("CITY_STACK_START_MINUTES"), System.Globalization.CultureInfo.InvariantCulture, out var minutes) && minutes > 0 ? minutes : 8);

    /// <summary>
    /// A test stack: local servers on free ports, throwaway data under the temp folder, the services'
    /// output in the test log, a ledger of its own per test host.
    /// </summary>
    public static StackOptions ForTests(string name) => new()
    {
        Name = $"{name}-{Environment.ProcessId}",
        Ports = StackPorts.Free,
        DataDirectory = Path.Combine(Path.GetTempPath(), "cityeservices-tests", $"{name}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..12]}"),
        ThrowawayData = true,
        LocalServers = true,
        ResourceLogs = true,
        TakesTurns = true,
    };

    /// <summary>These options as AppHost command-line switches.</summary>
    internal IEnumerable<string> AppHostSwitches()
    {
        foreach (var argument in Ports.Arguments(Dashboard))
        {
            yield return argument;
        }

        if (LocalServers)
        {
            yield return "--Infrastructure:Mode=local";
        }

        if (DataDirectory is { } data)
        {
            yield return $"--LocalServers:DataDirectory={data}";
        }

        if (Replicas != 1)
        {
            yield return $"--Scale:Replicas={Replicas}";
        }

        if (AdminPassword is { } password)
        {
            yield return $"--Parameters:admin-password={password}";
        }

        foreach (var argument in AppHostArgs)
        {
            yield return argument;
        }
    }
}
