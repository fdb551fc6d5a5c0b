namespace CityEServices.Notifications.Domain.Webhooks;

/// <summary>
/// A subscription whose last attempts failed: nothing is sent to it before <see cref="RetryAfter"/>, then one
/// probe at a time until one is answered (which removes the row), so a subscriber that is down costs one
/// attempt per backoff, not one per owed delivery. Kept apart from the subscription so the worker's writes
/// never race the owner's edits of it (its row version).
/// </summary>
public sealed class SubscriberBackoff
{
    public Guid SubscriptionId { get; init; }

    /// <summary>Attempts in a row that failed, to any of the subscription's deliveries.</summary>
    public int ConsecutiveFailures { get; set; }

    public DateTimeOffset RetryAfter { get; set; }
}
