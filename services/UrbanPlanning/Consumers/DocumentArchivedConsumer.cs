namespace CityEServices.UrbanPlanning.Consumers;

/// <summary>
/// A document reached the archive. Remembered (supervisor reports must cite an archived document),
/// and ticked off every request of that file — or of any file of that property — still waiting for
/// its category; a request whose set is complete moves to Submitted by itself, recorded as done by
/// this service (<c>system:urbanplanning</c>) on the archive's word.
/// </summary>
public sealed class DocumentArchivedConsumer(
    UrbanPlanningDbContext db,
    ILogger<DocumentArchivedConsumer> logger,
    TimeProvider time) : InboxConsumer<UrbanPlanningDbContext, DocumentArchived>(db, logger)
{
    protected override async Task HandleAsync(DocumentArchived message, ConsumeContext<DocumentArchived> context, CancellationToken cancellationToken)
    {
        var renovationCode = RenovationCode.TryParse(message.RenovationCode, out var code, out _) ? code.Value : null;
        var fileNumber = string.IsNullOrWhiteSpace(message.FileNumber) ? null : message.FileNumber.Trim();
        if (!await Db.ArchivedDocuments.AnyAsync(d => d.DocumentId == message.DocumentId, cancellationToken))
        {
            Db.ArchivedDocuments.Add(new ArchivedDocument(message.DocumentId, message.Category, fileNumber, renovationCode, message.OccurredAt.ToUniversalTime()));
        }

        var files = await Db.Files.AsNoTracking()
            .Where(f => f.FileNumber == fileNumber || (renovationCode != null && f.RenovationCode == renovationCode))
            .ToListAsync(cancellationToken);
        if (files.Count == 0)
        {
            return;
        }

        var numbers = files.Select(f => f.FileNumber).ToList();
        var waiting = await Db.Requests.Include(r => r.Transitions)
            .Where(r => numbers.Contains(r.FileNumber) && r.Status == RequestStatus.AwaitingDocuments)
            .ToListAsync(cancellationToken);
        var now = time.GetDatabaseNow();
        var caller = Caller.System(Extensions.ServiceName, message.CorrelationId);
        foreach (var request in waiting)
        {
            if (request.DocumentArrived(message.Category, caller.Actor, now) is { } moved)
            {
                var file = files.Single(f => f.FileNumber == request.FileNumber);
                foreach (var integrationEvent in RequestEvents.For(request, file, moved, caller.CorrelationId))
                {
                    Db.PublishOnCommit(integrationEvent);
                }
            }
        }
    }
}
