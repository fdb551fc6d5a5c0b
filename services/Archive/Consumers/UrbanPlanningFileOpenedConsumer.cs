namespace CityEServices.Archive.Consumers;

/// <summary>Opens the dossier of a newly opened urban-planning file.</summary>
public sealed class UrbanPlanningFileOpenedConsumer(
    ArchiveDbContext db,
    ILogger<UrbanPlanningFileOpenedConsumer> logger,
    TimeProvider time) : InboxConsumer<ArchiveDbContext, UrbanPlanningFileOpened>(db, logger)
{
    protected override async Task HandleAsync(UrbanPlanningFileOpened message, ConsumeContext<UrbanPlanningFileOpened> context, CancellationToken cancellationToken)
    {
        // The inbox stops a redelivery of this event; this also covers the same file announced under
        // another event id (a republish after restoring urban planning's outbox, say). The dossier that
        // exists is kept: it was made from the same file.
        if (await Db.Dossiers.AnyAsync(d => d.FileNumber == message.FileNumber, cancellationToken))
        {
            return;
        }

        Db.Dossiers.Add(Dossier.From(message, time.GetUtcNow()));
    }
}
