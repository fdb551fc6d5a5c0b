namespace CityEServices.Archive.Consumers;

/// <summary>
/// The file's holders changed (the property was sold): the new owners may upload to it as citizens and the
/// seller may not. A dossier not heard of yet fails the message, which is retried.
/// </summary>
public sealed class UrbanPlanningFileHoldersChangedConsumer(ArchiveDbContext db, ILogger<UrbanPlanningFileHoldersChangedConsumer> logger)
    : InboxConsumer<ArchiveDbContext, UrbanPlanningFileHoldersChanged>(db, logger)
{
    protected override async Task HandleAsync(UrbanPlanningFileHoldersChanged message, ConsumeContext<UrbanPlanningFileHoldersChanged> context, CancellationToken cancellationToken)
    {
        var dossier = await OpenedDossier.RequireAsync(Db, message.FileNumber, cancellationToken);
        dossier.ChangeHolders(message.HolderNationalIds, message.OccurredAt);
    }
}
