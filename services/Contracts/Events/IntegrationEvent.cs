namespace CityEServices.Contracts.Events;

/// <summary>
/// A fact that happened, published once through a service's outbox. <see cref="EventId"/> is also the
/// message id on the wire, so consumers' inboxes can recognise a redelivery.
/// </summary>
public abstract record IntegrationEvent
{
    public Guid EventId { get; init; } = Guid.CreateVersion7();

    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The X-Correlation-ID of the request that caused the event, when there was one.</summary>
    public string? CorrelationId { get; init; }
}
