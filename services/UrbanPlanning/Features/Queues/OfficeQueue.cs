namespace CityEServices.UrbanPlanning.Features.Queues;

/// <summary>
/// An office operator's queue: their office's requests waiting on the office or the citizen (documents
/// awaited, returned for a fix, fee to pay), oldest due date first. Asked like every operator read: office
/// management must authorise the operator at that office now (for URBAN_FILE), so a suspended office's
/// operators see nothing.
/// </summary>
public sealed class OfficeQueue(UrbanPlanningDbContext db, OfficeAuthorizations offices, TimeProvider time)
{
    private static readonly RequestStatus[] Waiting = [RequestStatus.AwaitingDocuments, RequestStatus.Returned, RequestStatus.FeeAssessed];

    public async Task<Outcome<Page<QueueItem>>> HandleAsync(string? page, string? pageSize, Caller caller, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var paging = PageRequest.Read(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return Problem.Invalid(errors);
        }

        if (await offices.CheckOperatorAsync(caller, ServiceTypes.UrbanFile, cancellationToken) is { } refused)
        {
            return refused;
        }

        var office = caller.OfficeCode!;
        var rows = QueueQueries.Rows(db).Where(r => r.File.OfficeCode == office && Waiting.Contains(r.Request.Status));
        return await QueueQueries.PageAsync(rows, paging, caller, time.GetDatabaseNow(), cancellationToken);
    }
}
