using CityEServices.Bench;
using CityEServices.TestSupport.Webhooks;

/// <summary>
/// webhook_delivery_*: an integrator's endpoint on loopback subscribed to file-opened, so the event hop's
/// openings are also timed from urban planning's 201 (its commit has happened) to the subscriber receiving
/// the signed CloudEvent: outbox relay, broker, notifications' inbox and event log, its delivery worker.
/// </summary>
internal sealed class WebhookProbe(WebhookReceiver receiver, string secret, Gateway gateway, string subscriptionPath, string token) : IAsyncDisposable
{
    public static async Task<WebhookProbe> SubscribeAsync(Gateway gateway, string adminToken)
    {
        var client = await gateway.PostAsync("/api/identity/clients",
            new { displayName = "Benchmark subscriber", scopes = new[] { "webhooks", "urban-planning.read" } }, adminToken);
        var token = await gateway.ClientTokenAsync(client["clientId"]!.GetValue<string>(), client["clientSecret"]!.GetValue<string>());
        var receiver = await WebhookReceiver.StartAsync();
        var subscription = await gateway.PostAsync("/api/webhooks/subscriptions",
            new { url = receiver.Url, eventTypes = new[] { "ir.tehran.city.urban-planning.file-opened" }, description = "event-hop benchmark" }, token);
        return new WebhookProbe(receiver, subscription["secret"]!.GetValue<string>(), gateway,
            $"/api/webhooks/subscriptions/{subscription["id"]!.GetValue<string>()}", token);
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

    /// <summary>Unsubscribes before the receiver goes, as an integrator leaving would: benchmarks after this one
    /// (in the same stack) would otherwise share the machine with deliveries owed to a port nobody listens on.</summary>
    public async ValueTask DisposeAsync()
    {
        using (await gateway.SendAsync(HttpMethod.Delete, subscriptionPath, token))
        {
        }

        await receiver.DisposeAsync();
    }
}
