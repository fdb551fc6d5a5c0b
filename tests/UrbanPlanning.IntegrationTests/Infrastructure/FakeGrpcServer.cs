using System.Net;
using CityEServices.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CityEServices.UrbanPlanning.IntegrationTests.Infrastructure;

/// <summary>
/// Another service's gRPC endpoint, as urban planning sees it: Kestrel on a loopback port speaking
/// plain-text HTTP/2, serving one service implementation. Can be stopped and started again on the
/// same port, as an outage of that service would look.
/// </summary>
public sealed class FakeGrpcServer<TService, TState>(TState state) : IAsyncDisposable
    where TService : class
    where TState : class
{
    private WebApplication? _app;

    public int Port { get; } = FreePort.Next();

    public Uri Address => new($"http://127.0.0.1:{Port}");

    public TState State { get; } = state;

    public async Task StartAsync()
    {
        if (_app is not null)
        {
            throw new InvalidOperationException($"{typeof(TService).Name} fake is already running.");
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, Port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(State);
        var app = builder.Build();
        app.MapGrpcService<TService>();
        await app.StartAsync();
        _app = app;
    }

    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
