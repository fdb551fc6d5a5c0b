using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CityEServices.Stack.Contract;

/// <summary>
/// The API contract integrators generate clients from: the gateway's merged OpenAPI document, checked in at
/// <see cref="SnapshotPath"/> (clients/CityClient is generated from it at build time). Normalised — keys in
/// ordinal order, no servers (they name the host it was fetched from) — so a diff shows only API changes.
/// </summary>
public static class ApiContract
{
    public const string GatewayPath = "/openapi/v1.json";

    private static readonly JsonSerializerOptions Written = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string SnapshotPath => Path.Combine(Repository.Root, "clients", "openapi", "v1.json");

    /// <summary>The gateway's document, normalised; throws with the gateway's answer when it has none (503 while a service is unreachable).</summary>
    public static async Task<string> FetchAsync(HttpClient gateway, CancellationToken cancellationToken = default)
    {
        using var response = await gateway.GetAsync(GatewayPath, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.IsSuccessStatusCode
            ? Normalize(body)
            : throw new InvalidOperationException($"GET {GatewayPath}: {(int)response.StatusCode} {body}");
    }

    public static string Normalize(string json)
    {
        var document = JsonNode.Parse(json) as JsonObject ?? throw new JsonException("The OpenAPI document is not a JSON object.");
        document.Remove("servers");
        return Sorted(document)!.ToJsonString(Written) + "\n";
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        _ => node?.DeepClone(),
    };
}
