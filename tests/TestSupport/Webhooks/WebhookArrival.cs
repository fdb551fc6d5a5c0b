using System.Text.Json;

namespace CityEServices.TestSupport.Webhooks;

/// <summary>One POST as the subscriber received it: the Standard Webhooks headers, the body, and when.</summary>
public sealed record WebhookArrival(string WebhookId, long Timestamp, string Signature, string? ContentType, byte[] Body, DateTimeOffset At)
{
    public JsonElement CloudEvent => JsonDocument.Parse(Body).RootElement;

    public string Type => CloudEvent.GetProperty("type").GetString()!;

    public string Subject => CloudEvent.GetProperty("subject").GetString()!;

    public bool VerifiesWith(string secret) => StandardWebhooks.Verify(secret, WebhookId, Timestamp, Body, Signature);
}
