namespace CityEServices.Notifications.Features.Subscriptions;

/// <summary>Fields are loose (strings, nullable) so that every problem is reported per field in one 400.</summary>
public sealed record CreateSubscriptionRequest(string? Url, IReadOnlyList<string?>? EventTypes, string? Description);

/// <summary>The answer to a creation: the only time the secret is shown.</summary>
public sealed record CreatedSubscriptionResponse(
    Guid Id,
    string Secret,
    string Url,
    IReadOnlyList<string> EventTypes,
    string? Description,
    DualTime CreatedAt);

public sealed record SubscriptionResponse(
    Guid Id,
    string Url,
    IReadOnlyList<string> EventTypes,
    string? Description,
    DualTime CreatedAt,
    DualTime? SecretRotatedAt,
    DualTime? PreviousSecretExpiresAt)
{
    public static SubscriptionResponse From(WebhookSubscription subscription, DateTimeOffset now) => new(
        subscription.Id,
        subscription.Url,
        subscription.EventTypes,
        subscription.Description,
        DualTime.From(subscription.CreatedAt),
        subscription.SecretRotatedAt is { } rotated ? DualTime.From(rotated) : null,
        subscription.PreviousSecretExpiresAt is { } until && until > now ? DualTime.From(until) : null);
}

/// <summary>The answer to a rotation: the new secret (shown once) and until when the old one still signs.</summary>
public sealed record RotatedSecretResponse(Guid Id, string Secret, DualTime PreviousSecretExpiresAt);

public sealed record DeliveryResponse(
    Guid Id,
    string WebhookId,
    Guid EventId,
    string EventType,
    string Subject,
    DualTime EventTime,
    DeliveryStatus Status,
    int Attempts,
    int? LastStatusCode,
    string? LastError,
    DualTime? LastAttemptAt,
    DualTime? NextAttemptAt,
    DualTime? DeliveredAt,
    DualTime CreatedAt,
    bool Replay);

public sealed record ReplayRequest(string? From, string? To);

public sealed record ReplayResponse(Guid SubscriptionId, DualTime From, DualTime To, int Replayed);
