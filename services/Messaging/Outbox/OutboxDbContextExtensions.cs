using System.Diagnostics;
using CityEServices.Contracts.Events;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.Messaging.Outbox;

public static class OutboxDbContextExtensions
{
    /// <summary>
    /// Queues an event in this context's outbox: it is written by the same SaveChanges (and so the same
    /// transaction) as the state change, and published by the relay only once that commit succeeded.
    /// </summary>
    public static void PublishOnCommit(this DbContext db, IntegrationEvent integrationEvent)
    {
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            Id = integrationEvent.EventId,
            MessageType = EventSerializer.TypeName(integrationEvent),
            Payload = EventSerializer.Serialize(integrationEvent),
            OccurredAt = integrationEvent.OccurredAt,
            TraceParent = Activity.Current?.Id,
            CorrelationId = integrationEvent.CorrelationId,
            NextAttemptAt = integrationEvent.OccurredAt,
        });
    }
}
