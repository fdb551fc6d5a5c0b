namespace CityEServices.UrbanPlanning.Features.Documents;

/// <summary>The PDF of a request's issued document, for those who may read its file (the same rule as reading the request).</summary>
public sealed class GetDocument(UrbanPlanningDbContext db, FileByLaw access)
{
    public static readonly IReadOnlyCollection<string> ClientScopes = [Scopes.UrbanPlanningRead];

    public async Task<Outcome<DocumentFile>> HandleAsync(Guid requestId, Caller caller, CancellationToken cancellationToken)
    {
        if (FileAccessRules.CanReadAny(caller, ClientScopes) is { } mayNotRead)
        {
            return mayNotRead;
        }

        if (await db.FindRequestAsync(requestId, forUpdate: false, cancellationToken) is not (var request, var file))
        {
            return Problem.NotFound("Service request not found.", $"There is no service request {requestId}.");
        }

        if (await access.RefuseReadingAsync(caller, file, request.ServiceType, ClientScopes, cancellationToken) is { } refused)
        {
            return refused;
        }

        return await ReadAsync(db, requestId, cancellationToken);
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
