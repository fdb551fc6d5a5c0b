using System.Net;

namespace CityEServices.Gateway;

/// <summary>The <c>Gateway</c> configuration section (routes and clusters are under <c>ReverseProxy</c>).</summary>
public sealed class GatewaySettings
{
    public const string SectionName = "Gateway";

    public const string Rule = "Gateway: ConnectTimeout and PooledConnectionLifetime must be positive, TrustedProxies IP addresses and TrustedNetworks CIDR ranges (10.0.0.0/8).";

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a connection to a service is reused before a new one is opened. Connections that lived
    /// forever would keep every request on the pods that were there first: recycled, they reach pods that
    /// came up since (scale-out, a rolling update) and follow a Service whose addresses changed.
    /// </summary>
    public TimeSpan PooledConnectionLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Addresses of load balancers whose X-Forwarded-For/Proto are believed (loopback always is).</summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>Networks (CIDR, e.g. 10.0.0.0/8) of such load balancers.</summary>
    public string[] TrustedNetworks { get; set; } = [];

    public bool IsSound() =>
        ConnectTimeout > TimeSpan.Zero && PooledConnectionLifetime > TimeSpan.Zero
        && TrustedProxies.All(p => IPAddress.TryParse(p, out _))
        && TrustedNetworks.All(n => IPNetwork.TryParse(n, out _));
}
