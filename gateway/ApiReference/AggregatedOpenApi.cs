using System.Text.Json.Nodes;

namespace CityEServices.Gateway.ApiReference;

/// <summary>
/// <c>GET /openapi/v1.json</c>: every service's document merged (<see cref="OpenApiMerger"/>), the one
/// contract clients are generated from. Built on the first request and kept in memory; rebuilt when
/// older than <see cref="Lifetime"/> so a redeployed service shows up without restarting the gateway,
/// and while a service is down the last good document is served rather than a partial one.
/// </summary>
public sealed class AggregatedOpenApi(IHttpClientFactory httpClients, TimeProvider time, ILogger<AggregatedOpenApi> logger)
{
    public const string Path = "/openapi/v1.json";
    public const string Title = "CityEServices API";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _building = new(1, 1);
    private (string Json, DateTimeOffset BuiltAt)? _cached;

    public async Task<string?> GetAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } fresh && time.GetUtcNow() - fresh.BuiltAt < Lifetime)
        {
            return fresh.Json;
        }

        await _building.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } built && time.GetUtcNow() - built.BuiltAt < Lifetime)
            {
                return built.Json;
            }

            try
            {
                var json = await BuildAsync(cancellationToken);
                _cached = (json, time.GetUtcNow());
                return json;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Could not rebuild the aggregated OpenAPI document; serving the last one built, if any.");
                return _cached?.Json;
            }
        }
        finally
        {
            _building.Release();
        }
    }

    private async Task<string> BuildAsync(CancellationToken cancellationToken)
    {
        using var http = httpClients.CreateClient(nameof(AggregatedOpenApi));
        var documents = new List<(string, JsonObject)>();
        foreach (var (name, title) in ApiReferenceExtensions.Documents)
        {
            // Service discovery resolves http://{name} as it does for the proxy's clusters.
            var json = await http.GetStringAsync(new Uri($"http://{name}{ServiceDefaults.OpenApi.OpenApiExtensions.DocumentPath}"), cancellationToken);
            documents.Add((title, JsonNode.Parse(json) as JsonObject ?? throw new System.Text.Json.JsonException($"{name}'s document is not an object.")));
        }

        return OpenApiMerger.Merge(Title, documents).ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder app) =>
        app.MapGet(Path, async (AggregatedOpenApi aggregated, CancellationToken cancellationToken) =>
            await aggregated.GetAsync(cancellationToken) is { } json
                ? Results.Text(json, "application/json")
                : Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The API contract cannot be built while a service is unreachable."))
            .AllowAnonymous()
            .ExcludeFromDescription();
}
