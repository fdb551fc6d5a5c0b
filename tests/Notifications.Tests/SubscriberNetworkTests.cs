using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using CityEServices.Notifications.Infrastructure;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace CityEServices.Notifications.Tests;

/// <summary>The connection-time check: where a host points when a delivery connects, not when it subscribed.</summary>
public class SubscriberNetworkTests
{
    [Fact]
    public async Task A_host_that_now_resolves_to_loopback_is_refused_at_connect_although_something_listens_there()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var dns = new SwitchingDns(IPAddress.Parse("93.184.216.34"));
        var network = new SubscriberNetwork(new Environment("Production"), dns);
        Assert.Null(await network.CheckHostAsync(new Uri("https://rebind.example/hook"), CancellationToken.None));

        dns.Answer = IPAddress.Loopback;
        using var client = Client(network);
        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync($"http://rebind.example:{port}/hook"));

        Assert.IsType<SubscriberAddressRefusedException>(failure.InnerException);
        Assert.Contains("127.0.0.1 (loopback)", failure.InnerException!.Message, StringComparison.Ordinal);
        Assert.False(listener.Pending(), "no connection may have been opened");
    }

    [Fact]
    public async Task Development_connects_to_loopback()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var network = new SubscriberNetwork(new Environment("Development"), new SwitchingDns(IPAddress.Loopback));
        using var client = Client(network);
        using var stop = new CancellationTokenSource();

        var request = client.GetAsync($"http://localhost:{port}/hook", stop.Token);
        using var accepted = await listener.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(accepted.Connected);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
    }

    [Fact]
    public async Task Subscribing_checks_every_address_a_host_resolves_to()
    {
        var network = new SubscriberNetwork(new Environment("Production"), new SwitchingDns(IPAddress.Parse("93.184.216.34"), IPAddress.Parse("10.1.2.3")));

        var refusal = await network.CheckHostAsync(new Uri("https://split.example/hook"), CancellationToken.None);

        Assert.Contains("10.1.2.3", refusal, StringComparison.Ordinal);
    }

    private static HttpClient Client(SubscriberNetwork network) =>
        new(new SocketsHttpHandler { ConnectCallback = network.ConnectAsync, UseProxy = false });

    private sealed class SwitchingDns(params IPAddress[] answers) : ISubscriberDns
    {
        private IPAddress[] _answers = answers;

        public IPAddress Answer
        {
            set => _answers = [value];
        }

        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) => Task.FromResult(_answers);
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "tests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
