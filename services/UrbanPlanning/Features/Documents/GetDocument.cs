namespace CityEServices.UrbanPlanning.Features.Documents;

/// <summary>The PDF of a request's issued document, for those who may read its file (the same rule as reading the request).</summary>
public sealed class GetDocument(UrbanPlanningDbContext db, ReadableRequests requests)
{
    public static readonly IReadOnlyCollection<string> ClientScopes = [Scopes.UrbanPlanningRead];

    public async Task<Outcome<DocumentFile>> HandleAsync(Guid requestId, Caller caller, CancellationToken cancellationToken)
    {
        var found = await requests.FindAsync(requestId, caller, ClientScopes, cancellationToken);
        return found.Succeeded ? await ReadAsync(db, requestId, cancellationToken) : found.Problem!;
    }

    /// <summary>The issued PDF of a request its reader may see (the caller checked that).</summary>
    public static async Task<Outcome<DocumentFile>> ReadAsync(UrbanPlanningDbContext db, Guid requestId, CancellationToken cancellationToken)
    {
        var document = await db.IssuedDocuments.AsNoTracking()
            .Where(d => d.RequestId == requestId)
            .Select(d => new DocumentFile(d.Number, d.Pdf))
            .SingleOrDefaultAsync(cancellationToken);
        return document is null
            ? Problem.NotFound("No document issued.", $"Service request {requestId} has no issued document.")
            : document;
    }
}
