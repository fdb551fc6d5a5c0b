namespace CityEServices.Archive.Features.Documents;

/// <summary>A document's metadata, to whoever may read the document.</summary>
public sealed class GetDocument(DocumentReadAccess access)
{
    public async Task<Outcome<DocumentResponse>> HandleAsync(Guid documentId, Caller caller, CancellationToken cancellationToken) =>
        (await access.FindReadableAsync(documentId, caller, cancellationToken)).Then(DocumentResponse.From);
}
