using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CityEServices.Gateway.Tests.Infrastructure;

/// <summary>
/// A real HTTP server on a loopback port standing in for the services behind the gateway: it counts
/// what reaches it, echoes the headers it received, and creates numbered records.
/// </summary>
public sealed class FakeService : IAsyncDisposable
{
    private WebApplication? _app;
    private int _created;

    public int Port { get; } = FreePort.Next();

    public string Address => $"http://127.0.0.1:{Port}";

    /// <summary>Request bodies of POSTs received, by Idempotency-Key test marker (X-Test-Id).</summary>
    public ConcurrentDictionary<string, int> Hits { get; } = new();

    /// <summary>Set while a slow POST is inside the service.</summary>
    public TaskCompletionSource SlowRequestArrived { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void ResetSlowRequest() => SlowRequestArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Subjects identity has revoked (their tokens issued up to the time given), as /internal/revocations lists them.</summary>
    public ConcurrentDictionary<string, DateTimeOffset> Revocations { get; } = new();

    /// <summary>The query strings of the open-data requests received, in order.</summary>
    public ConcurrentQueue<string> OpenDataQueries { get; } = new();

    public int HitsFor(string testId) => Hits.TryGetValue(testId, out var n) ? n : 0;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(Address);
        builder.Logging.ClearProviders();
        _app = builder.Build();

        _app.MapPost("/api/{**rest}", async (HttpContext context) =>
        {
            var testId = context.Request.Headers["X-Test-Id"].ToString();
            Hits.AddOrUpdate(testId, 1, (_, n) => n + 1);
            if (int.TryParse(context.Request.Headers["X-Test-Delay-Ms"], out var delay))
            {
                SlowRequestArrived.TrySetResult();
                await Task.Delay(delay);
            }

            if (int.TryParse(context.Request.Headers["X-Test-Status"], out var status))
            {
                return Results.Problem(statusCode: status, title: "as asked");
            }

            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            var number = Interlocked.Increment(ref _created);
            if (context.Request.Headers.ContainsKey("X-Test-No-Store"))
            {
                // As identity answers a new client: its secret is shown once and must not be kept.
                context.Response.Headers.CacheControl = "no-store";
                return Results.Created($"/api/things/{number}", new { number, secret = $"secret-{Guid.NewGuid():N}" });
            }

            return Results.Created($"/api/things/{number}", new { number, received = body });
        });

        // What urban planning answers on GET /api/track/{code}?nationalId= (the brief's contract), for one file.
        _app.MapGet("/api/track/" + TrackedFile.TrackingCode, (string? nationalId) =>
            nationalId == TrackedFile.NationalId
                ? Results.Text(TrackedFile.Json, "application/json")
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such file."));

        // What office management answers on GET /api/open-data/performance; the range asked is kept for the test.
        _app.MapGet("/api/open-data/performance", (HttpContext context) =>
        {
            OpenDataQueries.Enqueue(context.Request.QueryString.Value ?? string.Empty);
            return Results.Text(OpenDataAnswer.Json, "application/json");
        });

        // What identity answers on GET /internal/revocations: the revocations a test put here.
        _app.MapGet("/internal/revocations", () => Results.Json(new
        {
            generatedAt = DateTimeOffset.UtcNow,
            revocations = Revocations.Select(r => new { subject = r.Key, revokedAt = r.Value }).ToArray(),
        }));

        _app.Map("/{**rest}", (HttpContext context) =>
        {
            var testId = context.Request.Headers["X-Test-Id"].ToString();
            Hits.AddOrUpdate(testId, 1, (_, n) => n + 1);
            var headers = new JsonObject();
            foreach (var (name, value) in context.Request.Headers)
            {
                headers[name.ToLowerInvariant()] = value.ToString();
            }

            return Results.Json(new JsonObject { ["path"] = context.Request.Path.Value, ["headers"] = headers });
        });

        await _app.StartAsync();
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
