namespace CityEServices.Notifications.Consumers;

/// <summary>
/// Hears one integration event type, inside the inbox transaction: records the event once in the
/// event log, owes a delivery to every active subscription that asked for its type (and whose client
/// may still read it), and owes the applicant an SMS when it is about their file. A redelivered event
/// adds nothing; a failure rolls everything back for MassTransit to retry.
/// </summary>
public sealed class EventConsumer<TEvent>(NotificationsDbContext db, TimeProvider time, ILogger<EventConsumer<TEvent>> logger)
    : InboxConsumer<NotificationsDbContext, TEvent>(db, logger)
    where TEvent : IntegrationEvent
{
    protected override string ConsumerName => $"EventConsumer:{typeof(TEvent).Name}";

    protected override async Task HandleAsync(TEvent message, ConsumeContext<TEvent> context, CancellationToken cancellationToken)
    {
        var descriptor = EventCatalog.For(typeof(TEvent));
        var now = time.GetDatabaseNow();
        if (await Db.EventLog.AnyAsync(e => e.EventId == message.EventId, cancellationToken))
        {
            // Already recorded (its inbox row has been pruned since): it was fanned out then.
            return;
        }

        var entry = new EventLogEntry
        {
            EventId = message.EventId,
            Type = descriptor.CloudEventType,
            Source = descriptor.Source,
            Subject = descriptor.SubjectOf(message),
            Time = message.OccurredAt.ToUniversalTime(),
            Data = EventData.ToStoredJson(message),
            CorrelationId = message.CorrelationId,
            RecordedAt = now,
        };
        Db.EventLog.Add(entry);

        if (descriptor.RequiredScope is { } scope)
        {
            var subscribers = await Db.Subscriptions
                .Where(s => s.Status == SubscriptionStatus.Active && s.EventTypes.Contains(entry.Type) && s.OwnerScopes.Contains(scope))
                .Select(s => s.Id)
                .ToListAsync(cancellationToken);
            foreach (var subscription in subscribers)
            {
                Db.Deliveries.Add(WebhookDelivery.For(subscription, entry.EventId, entry.Subject, entry.Time, now, replay: false));
            }
        }

        await OweSmsAsync(message, now, cancellationToken);
    }

    private async Task OweSmsAsync(TEvent message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var contact = CitizenMessages.ContactFrom(message, now);
        if (contact is not null)
        {
            // A file is opened once; should its opening be heard again under another id, the first contact stands.
            await Db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO file_contacts (file_number, mobile, tracking_code, applicant_national_id, event_id, given_at, recorded_at)
                VALUES ({contact.FileNumber}, {contact.Mobile}, {contact.TrackingCode}, {contact.ApplicantNationalId}, {contact.EventId}, {contact.GivenAt}, {contact.RecordedAt})
                ON CONFLICT (file_number) DO NOTHING
                """, cancellationToken);
        }
        else if (message is ServiceRequestStatusChanged changed)
        {
            contact = await Db.FileContacts.AsNoTracking().SingleOrDefaultAsync(c => c.FileNumber == changed.FileNumber, cancellationToken);
        }

        if (CitizenMessages.MessageFor(message, contact, now) is { } sms)
        {
            Db.SmsMessages.Add(sms);
        }
    }
}
