namespace CityEServices.Archive.Features.Documents;

/// <summary>Content already hashed and staged, with what was learnt from it.</summary>
public sealed record StagedDocument(string Sha256, long SizeBytes, ContentKind Kind, int? Pages);

/// <summary>What a new document record says about its content: checked metadata, the dossier's keys already applied.</summary>
public sealed record DocumentDescription(
    string Category,
    string Title,
    string? FileNumber,
    string? RenovationCode,
    int? District,
    DocumentSource Source,
    DateTimeOffset? ScannedAt)
{
    /// <summary>The number of the issued document this record holds, for urban planning's rendered documents.</summary>
    public string? DocumentNumber { get; init; }
}

/// <summary>The outcome of archiving: the record, and whether it was new or the same content already in that dossier.</summary>
public sealed record IngestResult(Document Document, bool Existing);

/// <summary>
/// Turns staged content plus checked metadata into a document record, the one way uploads and the
/// archive's own records are written: the same content in the same dossier answers the existing
/// record; the same title and category in the same file becomes the next version; the record and its
/// DocumentArchived event are written in one transaction.
/// </summary>
public sealed class DocumentIngest(ArchiveDbContext db, TimeProvider time)
{
    /// <summary>The record already holding this content for this file (or, with no file, this property).</summary>
    public Task<Document?> FindSameContentAsync(string sha256, string? fileNumber, string? renovationCode, CancellationToken cancellationToken) =>
        db.Documents.AsNoTracking()
            .Where(d => d.Sha256 == sha256 && d.DisposedAt == null)
            .Where(d => fileNumber != null ? d.FileNumber == fileNumber : d.FileNumber == null && d.RenovationCode == renovationCode)
            .OrderBy(d => d.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);

    /// <param name="beforeSave">Puts the bytes in place, once the record is decided and before any row refers to them.</param>
    public async Task<IngestResult> ArchiveAsync(StagedDocument content, DocumentDescription description, Caller caller, Action? beforeSave, CancellationToken cancellationToken)
    {
        var (category, title, fileNumber, renovationCode, _, _, _) = description;
        // Three tries: a concurrent upload may take the same version number (or the same content) first.
        for (var attempt = 1; ; attempt++)
        {
            if (await FindSameContentAsync(content.Sha256, fileNumber, renovationCode, cancellationToken) is { } existing)
            {
                return new IngestResult(existing, Existing: true);
            }

            var latest = await db.Documents.AsNoTracking()
                .Where(d => d.FileNumber == fileNumber && d.RenovationCode == renovationCode && d.CategoryCode == category && d.Title == title)
                .MaxAsync(d => (int?)d.Version, cancellationToken);
            var document = NewDocument(content, description, (latest ?? 0) + 1, caller);

            db.ChangeTracker.Clear();
            db.Documents.Add(document);
            db.PublishOnCommit(new DocumentArchived(document.Id, category, renovationCode, fileNumber, document.Sha256, document.SizeBytes, document.Version)
            {
                OccurredAt = document.CreatedAt,
                CorrelationId = caller.CorrelationId,
            });

            beforeSave?.Invoke();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new IngestResult(document, Existing: false);
            }
            catch (DbUpdateException ex) when (attempt < 3 && ex.IsUniqueViolation())
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private Document NewDocument(StagedDocument content, DocumentDescription description, int version, Caller caller) => new()
    {
        Id = Guid.CreateVersion7(),
        CategoryCode = description.Category,
        Title = description.Title,
        FileNumber = description.FileNumber,
        RenovationCode = description.RenovationCode,
        District = description.District,
        Source = description.Source,
        DocumentNumber = description.DocumentNumber,
        Sha256 = content.Sha256,
        SizeBytes = content.SizeBytes,
        ContentType = ContentSignature.MediaType(content.Kind),
        Pages = content.Pages,
        Version = version,
        ScannedAt = description.ScannedAt,
        CreatedAt = time.GetDatabaseNow(),
        CreatedBy = caller.Actor,
    };
}
