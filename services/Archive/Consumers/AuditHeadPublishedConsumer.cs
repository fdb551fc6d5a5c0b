namespace CityEServices.Archive.Consumers;

/// <summary>
/// Keeps a service's chain head. Every replica of a service publishes the same head: the first is kept and the
/// rest are ignored, as is a redelivery (the inbox).
/// </summary>
public sealed class AuditHeadPublishedConsumer(ArchiveDbContext db, TimeProvider time, ILogger<AuditHeadPublishedConsumer> logger)
    : InboxConsumer<ArchiveDbContext, AuditHeadPublished>(db, logger)
{
    protected override async Task HandleAsync(AuditHeadPublished message, ConsumeContext<AuditHeadPublished> context, CancellationToken cancellationToken)
    {
        if (await Db.AuditHeads.AnyAsync(h => h.Service == message.Service && h.Trail == message.Trail && h.Sequence == message.Sequence, cancellationToken))
        {
            return;
        }

        Db.AuditHeads.Add(new AuditHead
        {
            Service = message.Service,
            Trail = message.Trail,
            Sequence = message.Sequence,
            Hash = message.Hash,
            PublishedAt = message.OccurredAt,
            ReceivedAt = time.GetUtcNow(),
        });
    }
}
