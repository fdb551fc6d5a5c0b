using System.Net;
using CityEServices.Gateway.Idempotency;
using CityEServices.Gateway.RateLimiting;
using CityEServices.Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CityEServices.Gateway.Tests;

/// <summary>
/// A wrong gateway setting stops the gateway when it starts and says which, as a service's does; before,
/// a mistyped trusted network failed every request and a zero window refused them all.
/// </summary>
public class SettingsTests
{
    // Nothing listens on either: the gateway must refuse to start before it calls them.
    private const string NoRedis = "127.0.0.1:1,abortConnect=false";
    private const string NoBackend = "http://127.0.0.1:1";

    [Theory]
    [InlineData("Gateway:TrustedNetworks:0", "10.0.0.0/33", GatewaySettings.Rule)]
    [InlineData("Gateway:TrustedProxies:0", "10.0.0.300", GatewaySettings.Rule)]
    [InlineData("Gateway:ConnectTimeout", "00:00:00", GatewaySettings.Rule)]
    [InlineData("Gateway:RateLimits:Api:PermitLimit", "0", RateLimitSettings.Rule)]
    [InlineData("Gateway:RateLimits:Track:Window", "-00:01:00", RateLimitSettings.Rule)]
    [InlineData("Gateway:Idempotency:Expiry", "00:00:00", IdempotencySettings.Rule)]
    [InlineData("Identity:Revocations:RefreshInterval", "00:00:00", "Identity:Revocations:RefreshInterval must be positive.")]
    public async Task A_wrong_setting_stops_the_gateway_when_it_starts_and_says_which(string key, string value, string rule)
    {
        // The gateway's own registrations on a host started here: through WebApplicationFactory a start that
        // fails inside app.Run() can surface as the factory's ObjectDisposedException instead (seen once in CI).
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:redis"] = NoRedis,
            ["Identity:Url"] = TestTokens.IdentityUrl,
            [key] = value,
        });
        builder.AddDefaultAuthentication();
        builder.AddApplicationServices();
        await using var gateway = builder.Build();

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => gateway.StartAsync());

        Assert.Contains(rule, refused.Failures);
    }

    [Fact]
    public void Sound_settings_start_the_gateway_and_its_trusted_proxies_are_the_ones_believed()
    {
        using var gateway = new GatewayFactory(NoRedis, NoBackend, new Dictionary<string, string?>
        {
            ["Gateway:TrustedNetworks:0"] = "10.244.0.0/16",
            ["Gateway:TrustedProxies:0"] = "10.0.0.1",
            ["Gateway:RateLimits:Enabled"] = "false",
            ["Gateway:RateLimits:Api:PermitLimit"] = "0",
        });

        using var client = gateway.CreateClient();

        Assert.NotNull(client.BaseAddress);
        var forwarded = gateway.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        Assert.Contains(IPAddress.Parse("10.0.0.1"), forwarded.KnownProxies);
        Assert.Contains(forwarded.KnownIPNetworks, network => network.ToString() == "10.244.0.0/16");
    }
}
