namespace CityEServices.Gateway;

/// <summary>The <c>Gateway</c> configuration section (routes and clusters are under <c>ReverseProxy</c>).</summary>
public sealed class GatewaySettings
{
    public const string SectionName = "Gateway";

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Addresses of load balancers whose X-Forwarded-For/Proto are believed (loopback always is).</summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>Networks (CIDR, e.g. 10.0.0.0/8) of such load balancers.</summary>
    public string[] TrustedNetworks { get; set; } = [];
}
