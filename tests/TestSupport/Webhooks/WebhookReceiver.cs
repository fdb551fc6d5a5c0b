using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CityEServices.TestSupport.Webhooks;

/// <summary>
/// An integrator's webhook endpoint on loopback, as the end-to-end tests and the benchmark meet it: it answers
/// 204 to every POST and keeps what arrived with the moment it arrived (the benchmark's clock).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<WebhookArrival> _arrivals = new();
    private readonly TimeProvider _time;
    private WebApplication? _app;

    private WebhookReceiver(TimeProvider time) => _time = time;

    public int Port { get; private set; }

    /// <summary>The URL to subscribe: http on 127.0.0.1, which notifications accepts in Development only.</summary>
    public string Url => $"http://127.0.0.1:{Port}/hook";

    public IReadOnlyList<WebhookArrival> Arrivals => [.. _arrivals];

    public static async Task<WebhookReceiver> StartAsync(TimeProvider? time = null)
    {
        var receiver = new WebhookReceiver(time ?? TimeProvider.System) { Port = FreePort.Next() };
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, receiver.Port));
        var app = builder.Build();
        app.MapPost("/hook", receiver.ReceiveAsync);
        await app.StartAsync();
        receiver._app = app;
        return receiver;
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        var headers = request.Headers;
        _ = long.TryParse(headers["webhook-timestamp"], out var timestamp);
        _arrivals.Enqueue(new WebhookArrival(headers["webhook-id"].ToString(), timestamp, headers["webhook-signature"].ToString(),
            request.ContentType, body.ToArray(), _time.GetUtcNow()));
        return Results.NoContent();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
