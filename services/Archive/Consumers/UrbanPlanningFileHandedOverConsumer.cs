namespace CityEServices.Archive.Consumers;

/// <summary>
/// Another office took the file up: its operators archive the file's scans and read its dossier from now
/// on. A dossier not heard of yet (its opening still on its way) fails the message, which is retried.
/// </summary>
public sealed class UrbanPlanningFileHandedOverConsumer(ArchiveDbContext db, ILogger<UrbanPlanningFileHandedOverConsumer> logger)
    : InboxConsumer<ArchiveDbContext, UrbanPlanningFileHandedOver>(db, logger)
{
    protected override async Task HandleAsync(UrbanPlanningFileHandedOver message, ConsumeContext<UrbanPlanningFileHandedOver> context, CancellationToken cancellationToken)
    {
        var dossier = await OpenedDossier.RequireAsync(Db, message.FileNumber, cancellationToken);
        dossier.HandOver(message.ToOfficeCode, message.OccurredAt);
    }
}
