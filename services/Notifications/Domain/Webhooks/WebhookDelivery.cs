namespace CityEServices.Notifications.Domain.Webhooks;

/// <summary>
/// One event owed to one subscription. <see cref="WebhookId"/> is the same on every attempt and on a
/// replay of the same event to the same subscription, so the subscriber can recognise a repeat.
/// </summary>
public sealed class WebhookDelivery : OutgoingAttempt
{
    public required string WebhookId { get; init; }

    public Guid SubscriptionId { get; init; }

    /// <summary>Deliveries of one subject to one subscription go in (<see cref="EventTime"/>, <see cref="EventId"/>) order.</summary>
    public required string Subject { get; init; }

    public DeliveryStatus Status { get; set; }

    public int? LastStatusCode { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>Made by <c>POST …/replay</c> rather than by the event's arrival.</summary>
    public bool Replay { get; init; }

    public static WebhookDelivery For(Guid subscriptionId, Guid eventId, string subject, DateTimeOffset eventTime, DateTimeOffset now, bool replay) => new()
    {
        Id = Guid.CreateVersion7(now),
        WebhookId = WebhookIds.For(subscriptionId, eventId),
        SubscriptionId = subscriptionId,
        EventId = eventId,
        Subject = subject,
        EventTime = eventTime,
        Status = DeliveryStatus.Pending,
        CreatedAt = now,
        NextAttemptAt = now,
        Replay = replay,
    };
}
