namespace CityEServices.Gateway;

/// <summary>The <c>Gateway</c> configuration section (routes and clusters are under <c>ReverseProxy</c>).</summary>
public sealed class GatewaySettings
{
    public const string SectionName = "Gateway";

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
