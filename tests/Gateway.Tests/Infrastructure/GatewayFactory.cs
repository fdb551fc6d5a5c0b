using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CityEServices.Gateway.Tests.Infrastructure;

/// <summary>
/// The real gateway (its Program, its configuration, real Redis) on a TestServer, with every cluster
/// pointed at <see cref="FakeService"/> except the archive, which points at a port nobody listens on.
/// </summary>
public sealed class GatewayFactory(string redis, string backend, IDictionary<string, string?>? overrides = null, bool trustTestTokens = true)
    : WebApplicationFactory<GatewaySettings>
{
    public static readonly string[] Clusters = ["identity", "property", "officemanagement", "urbanplanning"];

    public int ClosedPort { get; } = FreePort.Next();

    /// <summary>What the gateway logged as an error, for a failure's message.</summary>
    public ErrorLog Errors { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:redis"] = redis,
            ["Identity:Url"] = TestTokens.IdentityUrl,
            ["ReverseProxy:Clusters:archive:Destinations:d1:Address"] = $"http://127.0.0.1:{ClosedPort}",
            ["Gateway:RateLimits:Api:PermitLimit"] = "40",
            ["Gateway:RateLimits:Api:Window"] = "01:00:00",
            ["Gateway:RateLimits:Anonymous:PermitLimit"] = "1000",
        };
        foreach (var cluster in Clusters)
        {
            settings[$"ReverseProxy:Clusters:{cluster}:Destinations:d1:Address"] = backend;
        }

        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(Errors));
        if (trustTestTokens)
        {
            builder.ConfigureTestServices(TestTokens.TrustTestIssuer);
        }
    }

    public HttpClient CreateClient(string? token)
    {
        var client = CreateClient();
        client.Timeout = TimeSpan.FromSeconds(30);
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }
}
