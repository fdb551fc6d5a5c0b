namespace CityEServices.Notifications.Domain.Events;

/// <summary>
/// An integration event as the notifications service heard it, recorded once: what deliveries are made
/// from, and what a replay re-sends. <see cref="Data"/> is the event's own JSON without its envelope
/// (id, time, correlation id), unmasked; each subscription gets it shaped to what it may read.
/// </summary>
public sealed class EventLogEntry
{
    public Guid EventId { get; init; }

    /// <summary>The CloudEvents type, e.g. <c>ir.tehran.city.urban-planning.file-opened</c>.</summary>
    public required string Type { get; init; }

    public required string Source { get; init; }

    public required string Subject { get; init; }

    /// <summary>When it happened (the event's OccurredAt): the CloudEvents <c>time</c>, and what replay windows select on.</summary>
    public DateTimeOffset Time { get; init; }

    public required string Data { get; init; }

    public string? CorrelationId { get; init; }

    public DateTimeOffset RecordedAt { get; init; }
}
