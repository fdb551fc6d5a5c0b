using CityEServices.Gateway.Idempotency;
using CityEServices.Gateway.RateLimiting;
using CityEServices.Gateway.Tests.Infrastructure;
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
    public void A_wrong_setting_stops_the_gateway_when_it_starts_and_says_which(string key, string value, string rule)
    {
        using var gateway = new GatewayFactory(NoRedis, NoBackend, new Dictionary<string, string?> { [key] = value });

        // Settings read while the routes are built (the forwarder's) fail there, wrapped by YARP: still at start.
        var thrown = Assert.ThrowsAny<Exception>(() => gateway.CreateClient());

        var refused = Assert.IsType<OptionsValidationException>(Unwrapped(thrown));
        Assert.Contains(rule, refused.Failures);
    }

    private static Exception Unwrapped(Exception exception) =>
        exception is OptionsValidationException || exception.InnerException is null ? exception : Unwrapped(exception.InnerException);

    [Fact]
    public void Sound_settings_start_the_gateway()
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
    }
}
