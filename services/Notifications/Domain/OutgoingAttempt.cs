namespace CityEServices.Notifications.Domain;

/// <summary>
/// What an event owes the outside world (an SMS, a webhook delivery) and a sender tries until it is
/// taken: when it is due, who holds it while an attempt is in flight, and how the last attempt went.
/// Both senders claim, lease and back off the same way, so the columns are one shape (each type keeps
/// its own table).
/// </summary>
public abstract class OutgoingAttempt
{
    public const int MaxErrorLength = 500;

    public Guid Id { get; init; }

    public Guid EventId { get; init; }

    /// <summary>Work for one recipient (or subject) goes out in the order of the events behind it.</summary>
    public DateTimeOffset EventTime { get; init; }

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>While an attempt is in flight: until when the replica that claimed it holds it.</summary>
    public DateTimeOffset? LeasedUntil { get; set; }

    public Guid? LeaseToken { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    public string? LastError { get; set; }
}
