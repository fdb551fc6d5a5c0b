using CityEServices.Archive.Data;

namespace CityEServices.Archive.Features.Documents;

/// <summary>A document's metadata, to whoever may read the document.</summary>
public sealed class GetDocument(ArchiveDbContext db)
{
    public async Task<Outcome<DocumentResponse>> HandleAsync(Guid documentId, Caller caller, CancellationToken cancellationToken) =>
        (await db.FindReadableAsync(documentId, caller, cancellationToken)).Then(DocumentResponse.From);
}
