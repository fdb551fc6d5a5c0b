using System.Net;
using System.Reflection;
using CityEServices.Gateway.Proxy;
using CityEServices.Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace CityEServices.Gateway.Tests;

/// <summary>
/// The archive cluster with two destinations, the first always tried first (FirstAlphabetical): one that
/// refuses connections or answers 503 as a draining replica does, then the fake service.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class RetryTests(GatewayFixture fixture)
{
    [Fact]
    public async Task A_read_refused_by_one_destination_is_answered_by_the_other()
    {
        await using var gateway = TwoDestinations(first: $"http://127.0.0.1:{FreePort.Next()}");
        using var client = gateway.CreateClient(TestTokens.Admin());
        var testId = Guid.NewGuid().ToString("N");

        using var response = await Get(client, "/api/archive/categories", testId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, fixture.Service.HitsFor(testId));
    }

    [Fact]
    public async Task A_read_answered_503_by_a_draining_destination_is_answered_by_the_other()
    {
        await using var draining = await DrainingService.StartAsync();
        await using var gateway = TwoDestinations(first: draining.Address);
        using var client = gateway.CreateClient(TestTokens.Admin());
        var testId = Guid.NewGuid().ToString("N");

        using var response = await Get(client, "/api/archive/categories", testId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"path\":\"/api/archive/categories\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, draining.Hits);
        Assert.Equal(1, fixture.Service.HitsFor(testId));
    }

    [Fact]
    public async Task A_write_is_not_repeated_by_the_gateway()
    {
        await using var draining = await DrainingService.StartAsync();
        await using var gateway = TwoDestinations(first: draining.Address);
        using var client = gateway.CreateClient(TestTokens.Admin());
        var testId = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/archive/things") { Content = System.Net.Http.Json.JsonContent.Create(new { name = "once" }) };
        request.Headers.Add("X-Test-Id", testId);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, draining.Hits);
        Assert.Equal(0, fixture.Service.HitsFor(testId));
    }

    [Fact]
    public async Task When_every_destination_fails_the_caller_gets_the_503_problem()
    {
        await using var gateway = TwoDestinations(first: $"http://127.0.0.1:{FreePort.Next()}", second: $"http://127.0.0.1:{FreePort.Next()}");
        using var client = gateway.CreateClient(TestTokens.Admin());

        using var response = await Get(client, "/api/archive/categories", Guid.NewGuid().ToString("N"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("ServiceUnavailable", problem.GetProperty("reason").GetString());
    }

    [Fact]
    public void Upstream_connections_are_recycled()
    {
        var factory = new GatewayHttpClientFactory(
            Options.Create(new GatewaySettings { PooledConnectionLifetime = TimeSpan.FromSeconds(90) }), NullLogger<ForwarderHttpClientFactory>.Instance);

        using var client = factory.CreateClient(new ForwarderHttpClientContext { NewConfig = HttpClientConfig.Empty });

        Assert.Equal(TimeSpan.FromSeconds(90), SocketsHandlerOf(client).PooledConnectionLifetime);
        Assert.Equal(TimeSpan.FromMinutes(2), new GatewaySettings().PooledConnectionLifetime);
    }

    private GatewayFactory TwoDestinations(string first, string? second = null) => fixture.NewGateway(new Dictionary<string, string?>
    {
        ["ReverseProxy:Clusters:archive:LoadBalancingPolicy"] = "FirstAlphabetical",
        ["ReverseProxy:Clusters:archive:Destinations:d1:Address"] = first,
        ["ReverseProxy:Clusters:archive:Destinations:d2:Address"] = second ?? fixture.Service.Address,
        ["Gateway:RateLimits:Api:PermitLimit"] = "1000",
    });

    private static Task<HttpResponseMessage> Get(HttpClient client, string path, string testId)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Test-Id", testId);
        return client.SendAsync(request);
    }

    private static SocketsHttpHandler SocketsHandlerOf(HttpMessageInvoker client)
    {
        var handler = (HttpMessageHandler?)typeof(HttpMessageInvoker).GetField("_handler", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(client);
        while (handler is DelegatingHandler delegating)
        {
            handler = delegating.InnerHandler;
        }

        return Assert.IsType<SocketsHttpHandler>(handler);
    }

    /// <summary>A replica on its way out: it still accepts connections but answers every request 503.</summary>
    private sealed class DrainingService : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _hits;

        private DrainingService(WebApplication app, string address)
        {
            _app = app;
            Address = address;
        }

        public string Address { get; }

        public int Hits => Volatile.Read(ref _hits);

        public static async Task<DrainingService> StartAsync()
        {
            var address = $"http://127.0.0.1:{FreePort.Next()}";
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls(address);
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var service = new DrainingService(app, address);
            app.Map("/{**rest}", () =>
            {
                Interlocked.Increment(ref service._hits);
                return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "shutting down");
            });
            await app.StartAsync();
            return service;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
