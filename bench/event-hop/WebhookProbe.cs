using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CityEServices.TestSupport.Webhooks;

/// <summary>
/// webhook_delivery_*: an integrator's endpoint on loopback subscribed to file-opened, so the event hop's
/// openings are also timed from urban planning's 201 (its commit has happened) to the subscriber receiving
/// the signed CloudEvent: outbox relay, broker, notifications' inbox and event log, its delivery worker.
/// </summary>
internal sealed class WebhookProbe(WebhookReceiver receiver, string secret) : IAsyncDisposable
{
    public static async Task<WebhookProbe> SubscribeAsync(HttpClient http, Uri gateway, string adminToken)
    {
        var client = await SendAsync(http, new Uri(gateway, "/api/identity/clients"), adminToken,
            new { displayName = "Benchmark subscriber", scopes = new[] { "webhooks", "urban-planning.read" } });
        using var tokenResponse = await http.PostAsync(new Uri(gateway, "/connect/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = client["clientId"]!.GetValue<string>(),
            ["client_secret"] = client["clientSecret"]!.GetValue<string>(),
        }));
        tokenResponse.EnsureSuccessStatusCode();
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonNode>())!["access_token"]!.GetValue<string>();
        var receiver = await WebhookReceiver.StartAsync();
        var subscription = await SendAsync(http, new Uri(gateway, "/api/webhooks/subscriptions"), token,
            new { url = receiver.Url, eventTypes = new[] { "ir.tehran.city.urban-planning.file-opened" }, description = "event-hop benchmark" });
        return new WebhookProbe(receiver, subscription["secret"]!.GetValue<string>());
    }

    /// <summary>Milliseconds from each answer to its event's first arrival, waiting up to <paramref name="patience"/>; and how many never came.</summary>
    public async Task<(List<double> Latencies, int Missing, int Unsigned)> MeasureAsync(IReadOnlyList<(string FileNumber, DateTimeOffset AnsweredAt)> files, TimeSpan patience)
    {
        var wanted = files.Select(f => f.FileNumber).ToHashSet(StringComparer.Ordinal);
        var deadline = DateTimeOffset.UtcNow + patience;
        while (DateTimeOffset.UtcNow < deadline && receiver.Arrivals.Select(a => a.Subject).Where(wanted.Contains).Distinct().Count() < wanted.Count)
        {
            await Task.Delay(100);
        }

        var first = receiver.Arrivals.Where(a => wanted.Contains(a.Subject)).GroupBy(a => a.Subject).ToDictionary(g => g.Key, g => g.MinBy(a => a.At)!);
        var latencies = files.Where(f => first.ContainsKey(f.FileNumber)).Select(f => (first[f.FileNumber].At - f.AnsweredAt).TotalMilliseconds).ToList();
        return (latencies, files.Count - latencies.Count, first.Values.Count(a => !a.VerifiesWith(secret)));
    }

    public ValueTask DisposeAsync() => receiver.DisposeAsync();

    private static async Task<JsonNode> SendAsync(HttpClient http, Uri uri, string token, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? JsonNode.Parse(text)! : throw new InvalidOperationException($"POST {uri.AbsolutePath}: {(int)response.StatusCode} {text}");
    }
}
