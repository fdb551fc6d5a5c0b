namespace CityEServices.UrbanPlanning.Features.Me;

/// <summary>The issued document (the Persian PDF with its signed QR) of the citizen's own request.</summary>
public sealed class GetMyDocument(UrbanPlanningDbContext db)
{
    public async Task<Outcome<DocumentFile>> HandleAsync(Guid requestId, Caller caller, CancellationToken cancellationToken)
    {
        var mine = await FindMyRequest.HandleAsync(db, requestId, caller, cancellationToken);
        return mine.Succeeded
            ? await GetDocument.ReadAsync(db, mine.Value.Id, cancellationToken)
            : mine.Problem!;
    }
}
