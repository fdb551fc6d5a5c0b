using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityEServices.Contracts.Security;

namespace CityEServices.Notifications.IntegrationTests.Infrastructure;

/// <summary>Calls of the webhook API as an integrator makes them.</summary>
public static class Webhooks
{
    public const string SubscriptionsPath = "/api/webhooks/subscriptions";
    public const string FileOpened = "ir.tehran.city.urban-planning.file-opened";
    public const string StatusChanged = "ir.tehran.city.urban-planning.service-request-status-changed";
    public const string DocumentArchived = "ir.tehran.city.archive.document-archived";

    public sealed record Subscription(Guid Id, string Secret, string ClientId, string Token);

    /// <summary>A new integrator (its own client id) with the webhooks scope and <paramref name="scopes"/>.</summary>
    public static (string ClientId, string Token) NewClient(params string[] scopes)
    {
        var clientId = $"client-{Guid.NewGuid():N}"[..20];
        return (clientId, TestTokens.Integrator(clientId, [Scopes.Webhooks, .. scopes]));
    }

    public static Task<HttpResponseMessage> SubscribeAsync(this HttpClient client, string url, IEnumerable<string?> eventTypes, string? description = null) =>
        client.PostAsJsonAsync(SubscriptionsPath, new { url, eventTypes, description });

    /// <summary>A subscription of a new client to <paramref name="eventTypes"/> at <paramref name="url"/>; fails the test unless 201.</summary>
    public static async Task<Subscription> SubscribeAsync(this NotificationsService service, string url, string[] eventTypes, params string[] scopes)
    {
        var (clientId, token) = NewClient(scopes.Length == 0 ? [Scopes.UrbanPlanningRead] : scopes);
        using var client = service.CreateClient(token);
        var created = await (await client.SubscribeAsync(url, eventTypes)).AssertJsonAsync(HttpStatusCode.Created);
        return new Subscription(created.GetProperty("id").GetGuid(), created.GetProperty("secret").GetString()!, clientId, token);
    }

    public static async Task<JsonElement> DeliveriesAsync(this NotificationsService service, Subscription subscription, string? status = null)
    {
        using var client = service.CreateClient(subscription.Token);
        return await (await client.GetAsync($"{SubscriptionsPath}/{subscription.Id}/deliveries?pageSize=100{(status is null ? "" : $"&status={status}")}"))
            .AssertJsonAsync(HttpStatusCode.OK);
    }
}
