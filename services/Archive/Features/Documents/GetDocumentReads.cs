namespace CityEServices.Archive.Features.Documents;

/// <summary>The access audit of a document's content, newest first (the last 500 reads), for archivists and admins.</summary>
public sealed class GetDocumentReads(ArchiveDbContext db)
{
    private const int MaxReads = 500;

    public async Task<Outcome<IReadOnlyList<ContentReadResponse>>> HandleAsync(Guid documentId, Caller caller, CancellationToken cancellationToken)
    {
        if (DocumentAccessRules.CanManage(caller) is { } refusal)
        {
            return refusal;
        }

        var reads = await db.ContentReads.AsNoTracking().Where(r => r.DocumentId == documentId)
            .OrderByDescending(r => r.ReadAt).Take(MaxReads).ToListAsync(cancellationToken);
        return reads.Select(ContentReadResponse.From).ToList();
    }
}
