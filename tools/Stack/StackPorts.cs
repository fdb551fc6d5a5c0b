using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace CityEServices.Stack;

/// <summary>
/// Where the stack listens. <see cref="Defaults"/>: the AppHost's own ports (gateway 8080, dashboard
/// 18888, servers 55432…) for a developer. <see cref="Free"/>: free loopback ports, the services behind
/// Aspire's proxies, so tests never meet another stack. <see cref="From"/>: every port at a fixed offset
/// from a base, the services without a proxy in front (the benchmarks call them directly, and every hop
/// is then the hop a deployment has): the gateway at base+0, then each project endpoint in the order the
/// AppHost declares them (base+1…+9, then from base+20), the dashboard at +10..+12, the servers at
/// +13..+18 and one free port for a benchmark's own use at +19.
/// </summary>
public sealed class StackPorts
{
    private const string Loopback = "http://localhost";
    private readonly int? _base;

    private StackPorts(string kind, int? @base)
    {
        Kind = kind;
        _base = @base;
    }

    public static StackPorts Defaults { get; } = new("defaults", null);

    public static StackPorts Free => new("free", null);

    public static StackPorts From(int @base) => new("base", @base);

    public string Kind { get; }

    /// <summary>The port kept free for a benchmark's own listener (nginx), when ports come from a base.</summary>
    public int? Spare => _base + 19;

    /// <summary>The gateway's port, when it is fixed.</summary>
    public int? Gateway => Kind == "defaults" ? 8080 : _base;

    /// <summary>The AppHost switches that place the dashboard and the local servers.</summary>
    internal IEnumerable<string> Arguments(bool dashboard)
    {
        var ports = Kind switch
        {
            "defaults" => new Dictionary<string, int?> { ["dashboard"] = 18888, ["otlp"] = 18889, ["resources"] = 18890 },
            "free" => Allocate(["dashboard", "otlp", "resources", "PostgresPort", "RabbitMqPort", "RabbitMqManagementPort", "RabbitMqEpmdPort", "RabbitMqDistributionPort", "RedisPort", "gateway"]),
            _ => new Dictionary<string, int?>
            {
                ["dashboard"] = _base + 10, ["otlp"] = _base + 11, ["resources"] = _base + 12,
                ["PostgresPort"] = _base + 13, ["RabbitMqPort"] = _base + 14, ["RabbitMqManagementPort"] = _base + 15,
                ["RabbitMqEpmdPort"] = _base + 16, ["RabbitMqDistributionPort"] = _base + 17, ["RedisPort"] = _base + 18,
            },
        };
        foreach (var (name, port) in ports.Where(p => p.Key.EndsWith("Port", StringComparison.Ordinal)))
        {
            yield return $"--LocalServers:{name}={port}";
        }

        if (ports.TryGetValue("gateway", out var gateway))
        {
            yield return $"--Gateway:Port={gateway}";
        }

        if (dashboard)
        {
            yield return $"--ASPNETCORE_URLS={Loopback}:{ports["dashboard"]}";
            yield return $"--ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL={Loopback}:{ports["otlp"]}";
            yield return $"--ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL={Loopback}:{ports["resources"]}";
            yield return "--ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true";
        }

        // The testing builder moves every proxied endpoint to a random port; a developer's gateway stays on 8080.
        yield return $"--DcpPublisher:RandomizePorts={(Kind == "free" ? "true" : "false")}";
    }

    /// <summary>With a base, every project endpoint gets its fixed port and no proxy.</summary>
    internal void Pin(IDistributedApplicationTestingBuilder builder)
    {
        if (_base is not { } first)
        {
            return;
        }

        var projects = builder.Resources.OfType<ProjectResource>().OrderBy(p => p.Name == "gateway" ? 0 : 1).ToList();
        var next = 0;
        foreach (var endpoint in projects.SelectMany(p => p.Annotations.OfType<EndpointAnnotation>()))
        {
            var port = first + (next < 10 ? next : next + 10);
            next++;
            endpoint.Port = port;
            endpoint.TargetPort = port;
            endpoint.IsProxied = false;
        }
    }

    public override string ToString() => _base is { } b ? b.ToString(CultureInfo.InvariantCulture) : Kind;

    // All held open at once, so no two are the same.
    private static Dictionary<string, int?> Allocate(string[] names)
    {
        var listeners = new List<TcpListener>();
        try
        {
            names.ToList().ForEach(_ => listeners.Add(LoopbackPorts.Listen()));
            return names.Zip(listeners, (name, l) => (name, (int?)((IPEndPoint)l.LocalEndpoint).Port)).ToDictionary();
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}
