namespace CityEServices.Messaging.Outbox;

/// <summary>An integration event waiting in the publishing service's own database until the broker confirms it.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }

    /// <summary>Full CLR name of the event type in Contracts, e.g. CityEServices.Contracts.Events.UrbanPlanningFileOpened.</summary>
    public required string MessageType { get; set; }

    public required string Payload { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>W3C traceparent of the request that wrote the event, so the trace continues across the broker.</summary>
    public string? TraceParent { get; set; }

    public string? CorrelationId { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public string? LastError { get; set; }
}
