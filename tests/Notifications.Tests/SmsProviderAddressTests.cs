using CityEServices.Notifications.Domain;
using CityEServices.Notifications.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CityEServices.Notifications.Tests;

/// <summary>
/// Where the SMS adapter sends, and with which key: a local run (Development, nothing configured) texts its
/// own sink with a key the provider's route accepts — an empty key segment matched no route, and every
/// message stayed Pending with a 401 from the service's own pipeline.
/// </summary>
public class SmsProviderAddressTests
{
    [Fact]
    public void A_local_run_sends_to_its_own_sink_with_a_key_that_fills_the_route()
    {
        var address = Address(baseUrl: null, apiKey: null, Environments.Development);

        Assert.Equal("http://127.0.0.1:5123/sms-sink", address.BaseUrl);
        Assert.Equal(SmsProviderAddress.SinkKey, address.ApiKey);
    }

    [Fact]
    public void A_configured_provider_gets_its_own_key_and_an_unconfigured_production_sends_nothing()
    {
        Assert.Equal("k-123", Address("https://api.kavenegar.com", "k-123", Environments.Production).ApiKey);
        Assert.Equal("k-123", Address(null, "k-123", Environments.Development).ApiKey);
        var unconfigured = Address(null, null, Environments.Production);
        Assert.Null(unconfigured.BaseUrl);
        Assert.Equal(string.Empty, unconfigured.ApiKey);
    }

    private static SmsProviderAddress Address(string? baseUrl, string? apiKey, string environment) =>
        new(Options.Create(new SmsOptions { BaseUrl = baseUrl, ApiKey = apiKey }), new Environment(environment), new Server());

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "notifications";

        public string ContentRootPath { get; set; } = "/";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private sealed class Server : IServer
    {
        public IFeatureCollection Features { get; } = WithAddresses("http://[::]:5123", "https://[::]:5124");

        public void Dispose()
        {
        }

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        private static FeatureCollection WithAddresses(params string[] addresses)
        {
            var feature = new ServerAddressesFeature();
            foreach (var address in addresses)
            {
                feature.Addresses.Add(address);
            }

            var features = new FeatureCollection();
            features.Set<IServerAddressesFeature>(feature);
            return features;
        }
    }
}
