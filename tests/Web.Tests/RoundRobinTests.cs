using System.Collections.Concurrent;
using System.Net;
using CityEServices.Contracts.Grpc.OfficeManagement;
using CityEServices.Web.Grpc;
using Grpc.Core;
using Grpc.Net.Client.Balancer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CityEServices.Web.Tests;

/// <summary>
/// A <c>dns:///</c> client address (a headless Service in Kubernetes) spreads calls over every address
/// the name resolves to, instead of pinning them to one connection. The name is resolved here by a
/// stand-in for DNS returning two servers; the balancing is gRPC's, as configured by AddServiceClient.
/// </summary>
public sealed class RoundRobinTests : IAsyncLifetime
{
    private readonly List<WebApplication> _servers = [];
    private readonly ConcurrentDictionary<int, int> _callsByPort = new();

    public async Task InitializeAsync()
    {
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var port = CityEServices.TestSupport.FreePort.Next();
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.Protocols = HttpProtocols.Http2));
            builder.Services.AddGrpc();
            builder.Services.AddSingleton(_callsByPort);
            var app = builder.Build();
            app.MapGrpcService<CountingOffices>();
            await app.StartAsync();
            _servers.Add(app);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Calls_to_a_dns_address_reach_every_resolved_server()
    {
        var ports = _servers.Select(s => new Uri(s.Urls.First()).Port).ToArray();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Grpc:officemanagement"] = "dns:///offices.test:80" });
        builder.Services.AddSingleton<ResolverFactory>(new FakeDns(ports));
        builder.AddServiceClient<OfficeAuthorization.OfficeAuthorizationClient>("officemanagement");
        using var host = builder.Build();
        var client = host.Services.GetRequiredService<OfficeAuthorization.OfficeAuthorizationClient>();

        for (var i = 0; i < 20; i++)
        {
            await client.AuthorizeServiceAsync(new AuthorizeServiceRequest { OfficeCode = "S01A" });
        }

        Assert.Equal(2, _callsByPort.Count);
        Assert.All(_callsByPort.Values, calls => Assert.InRange(calls, 5, 15));
    }

    private sealed class CountingOffices(ConcurrentDictionary<int, int> calls) : OfficeAuthorization.OfficeAuthorizationBase
    {
        public override Task<AuthorizeServiceReply> AuthorizeService(AuthorizeServiceRequest request, ServerCallContext context)
        {
            calls.AddOrUpdate(context.GetHttpContext().Connection.LocalPort, 1, (_, n) => n + 1);
            return Task.FromResult(new AuthorizeServiceReply { Allowed = true });
        }
    }

    /// <summary>Answers for the "dns" scheme as a headless Service's DNS would: one address per pod.</summary>
    private sealed class FakeDns(int[] ports) : ResolverFactory
    {
        public override string Name => "dns";

        public override Resolver Create(ResolverOptions options) =>
            new StaticResolverFactory(_ => ports.Select(p => new BalancerAddress("127.0.0.1", p))).Create(options);
    }
}
