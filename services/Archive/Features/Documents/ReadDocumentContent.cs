namespace CityEServices.Archive.Features.Documents;

/// <summary>The bytes of a document, opened for streaming, with what the response says about them.</summary>
public sealed record DocumentContent(Stream Stream, string ContentType, DateTimeOffset LastModified, string Sha256);

/// <summary>
/// Opens a document's content for a caller who may read it, and records the read (who, when, which
/// range) before a byte is sent: the access audit of the archive. A disposed document's content is gone
/// (404, its record stays); content missing from the store is a 404 a fixity check will also report.
/// </summary>
public sealed class ReadDocumentContent(ArchiveDbContext db, DocumentReadAccess access, ContentStore store, TimeProvider time)
{
    private const int MaxRangeLength = 200;

    /// <param name="range">The request's Range header as sent (the endpoint serves the range; it is recorded here).</param>
    public async Task<Outcome<DocumentContent>> HandleAsync(Guid documentId, string? range, Caller caller, CancellationToken cancellationToken)
    {
        var found = await access.FindReadableAsync(documentId, caller, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Problem!;
        }

        var document = found.Value;
        if (document.IsDisposed)
        {
            return Problem.NotFound("Content disposed.", $"Document {documentId} was disposed of after its retention period; its record remains.");
        }

        FileStream stream;
        try
        {
            stream = store.OpenRead(document.Sha256);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Problem.NotFound("Content missing.", $"The content of document {documentId} is missing from the store; a fixity check will report it.");
        }

        db.ContentReads.Add(new ContentRead
        {
            DocumentId = document.Id,
            Actor = caller.Actor,
            ReadAt = time.GetDatabaseNow(),
            Range = string.IsNullOrEmpty(range) ? null : range[..Math.Min(range.Length, MaxRangeLength)],
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            // No audit row, no bytes.
            await stream.DisposeAsync();
            throw;
        }

        return new DocumentContent(stream, document.ContentType, document.CreatedAt, document.Sha256);
    }
}
