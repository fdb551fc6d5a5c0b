using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using CityEServices.Notifications.Domain.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CityEServices.Notifications.IntegrationTests.Infrastructure;

public enum SubscriberMode
{
    /// <summary>Answers 204.</summary>
    Accept,

    /// <summary>Answers 500.</summary>
    Fail,

    /// <summary>Never answers (until the caller gives up).</summary>
    Hang,
}

/// <summary>One POST a subscriber received, with what a subscriber checks.</summary>
public sealed record Received(string WebhookId, long Timestamp, string Signature, string? ContentType, byte[] Body, DateTimeOffset At, bool Accepted)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string Type => Json.GetProperty("type").GetString()!;

    public string Subject => Json.GetProperty("subject").GetString()!;

    public Guid EventId => Guid.Parse(Json.GetProperty("id").GetString()!);

    public bool VerifiesWith(string secret) => WebhookSignature.Verify(Signature, WebhookId, Timestamp, Body, secret);
}

/// <summary>
/// A real webhook subscriber: Kestrel on 127.0.0.1, a port of its own that survives a stop and start
/// (so a test can take it away and bring it back), recording every POST it gets.
/// </summary>
public sealed class Subscriber : IAsyncDisposable
{
    private readonly ConcurrentQueue<Received> _received = new();
    private readonly ConcurrentQueue<DateTimeOffset> _hangsEnded = new();
    private WebApplication? _app;

    public int Port { get; private set; }

    public SubscriberMode Mode { get; set; } = SubscriberMode.Accept;

    public string Url => $"http://127.0.0.1:{Port}/hook";

    public IReadOnlyList<Received> All => [.. _received];

    /// <summary>What it answered 2xx, in arrival order.</summary>
    public IReadOnlyList<Received> Accepted => [.. _received.Where(r => r.Accepted)];

    /// <summary>When each hanging request ended: the sender gave up (its timeout) or went away.</summary>
    public IReadOnlyList<DateTimeOffset> HangsEnded => [.. _hangsEnded];

    public static async Task<Subscriber> StartAsync(SubscriberMode mode = SubscriberMode.Accept)
    {
        var subscriber = new Subscriber { Mode = mode };
        await subscriber.StartAgainAsync();
        return subscriber;
    }

    public async Task StartAgainAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, Port));
        var app = builder.Build();
        app.MapPost("/hook", HandleAsync);
        await app.StartAsync();
        Port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        _app = app;
    }

    /// <summary>Gone: the port refuses connections until <see cref="StartAgainAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        var mode = Mode;
        long.TryParse(request.Headers[WebhookSignature.TimestampHeader].ToString(), out var timestamp);
        _received.Enqueue(new Received(
            request.Headers[WebhookSignature.IdHeader].ToString(),
            timestamp,
            request.Headers[WebhookSignature.SignatureHeader].ToString(),
            request.ContentType,
            body.ToArray(),
            DateTimeOffset.UtcNow,
            mode == SubscriberMode.Accept));
        switch (mode)
        {
            case SubscriberMode.Fail:
                return Results.StatusCode(StatusCodes.Status500InternalServerError);
            case SubscriberMode.Hang:
                // A subscriber that never answers: the request ends when the sender gives up.
                await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
                _hangsEnded.Enqueue(DateTimeOffset.UtcNow);
                return Results.StatusCode(StatusCodes.Status504GatewayTimeout);
            default:
                return Results.NoContent();
        }
    }
}
