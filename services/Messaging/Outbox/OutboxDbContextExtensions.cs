using System.Diagnostics;
using CityEServices.Contracts.Events;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.Messaging.Outbox;

public static class OutboxDbContextExtensions
{
    /// <summary>
    /// Queues an event in this context's outbox: it is written by the same SaveChanges (and so the same
    /// transaction) as the state change, and published by the relay only once that commit succeeded.
    /// The Activity current now is the trace the event continues in, however late the relay sends it.
    /// </summary>
    public static void PublishOnCommit(this DbContext db, IntegrationEvent integrationEvent)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        // timestamptz takes only UTC offsets; an event stamped with local time (+03:30) must not fail the save.
        var occurredAt = integrationEvent.OccurredAt.ToUniversalTime();
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            Id = integrationEvent.EventId,
            MessageType = EventSerializer.TypeName(integrationEvent),
            Payload = EventSerializer.Serialize(integrationEvent),
            OccurredAt = occurredAt,
            TraceParent = Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null,
            CorrelationId = integrationEvent.CorrelationId,
            // Due when it happened: its publisher stamped it from the host's TimeProvider, the relay's clock.
            NextAttemptAt = occurredAt,
        });
    }
}
