namespace CityEServices.Archive.Features.Documents;

/// <summary>Finding a document for a caller who wants to read it (its metadata or its content).</summary>
public sealed class DocumentReadAccess(ArchiveDbContext db, OperatorByLaw byLaw)
{
    /// <summary>
    /// The document when <paramref name="caller"/> may read it; else the 403 or 404 to answer. An
    /// operator is asked about first (by-law), so a suspended office learns nothing, not even whether
    /// the document exists.
    /// </summary>
    public async Task<Outcome<Document>> FindReadableAsync(Guid documentId, Caller caller, CancellationToken cancellationToken)
    {
        if (DossierAccessRules.CanReadAny(caller) is { } refusal)
        {
            return refusal;
        }

        if (await byLaw.CheckAsync(caller, cancellationToken) is { } unlawful)
        {
            return unlawful;
        }

        var document = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (document is null)
        {
            return Problem.NotFound("Document not found.", $"No document {documentId}.");
        }

        // Only an operator's right depends on the office of the document's file.
        var office = document.FileNumber is null || !DossierAccessRules.IsOperator(caller) ? null
            : await db.Dossiers.AsNoTracking().Where(d => d.FileNumber == document.FileNumber).Select(d => d.OfficeCode).SingleOrDefaultAsync(cancellationToken);
        return DocumentAccessRules.CanRead(caller, document, office) is { } denied ? denied : document;
    }
}
