using CityEServices.Archive.Data;
using CityEServices.Archive.Domain;
using CityEServices.Archive.Storage;
using CityEServices.Contracts.Events;
using CityEServices.Messaging.Outbox;
using CityEServices.Messaging.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CityEServices.Archive.Ingest;

/// <summary>Content already hashed and staged, with what was learnt from it.</summary>
public sealed record StagedDocument(string Sha256, long SizeBytes, ContentKind Kind, int? Pages);

/// <summary>The outcome of archiving: the record, and whether it was new or the same content already in that dossier.</summary>
public sealed record IngestResult(Document Document, bool Existing);

/// <summary>
/// Turns staged content plus checked metadata into a document record: the same content in the same
/// dossier answers the existing record; the same title and category in the same file becomes the next
/// version; the record and its DocumentArchived event are written in one transaction.
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

    public async Task<IngestResult> ArchiveAsync(
        StagedDocument content,
        string category,
        string title,
        string? fileNumber,
        string? renovationCode,
        int? district,
        DocumentSource source,
        DateTimeOffset? scannedAt,
        string actor,
        string? correlationId,
        Action? beforeSave,
        CancellationToken cancellationToken)
    {
        // Two tries: a concurrent upload may take the same version number (or the same content) first.
        for (var attempt = 1; ; attempt++)
        {
            if (await FindSameContentAsync(content.Sha256, fileNumber, renovationCode, cancellationToken) is { } existing)
            {
                return new IngestResult(existing, Existing: true);
            }

            var latest = await db.Documents.AsNoTracking()
                .Where(d => d.FileNumber == fileNumber && d.RenovationCode == renovationCode && d.CategoryCode == category && d.Title == title)
                .MaxAsync(d => (int?)d.Version, cancellationToken);

            var document = new Document
            {
                Id = Guid.CreateVersion7(),
                CategoryCode = category,
                Title = title,
                FileNumber = fileNumber,
                RenovationCode = renovationCode,
                District = district,
                Source = source,
                Sha256 = content.Sha256,
                SizeBytes = content.SizeBytes,
                ContentType = ContentSignature.MediaType(content.Kind),
                Pages = content.Pages,
                Version = (latest ?? 0) + 1,
                ScannedAt = scannedAt,
                CreatedAt = time.GetDatabaseNow(),
                CreatedBy = actor,
            };

            db.ChangeTracker.Clear();
            db.Documents.Add(document);
            db.PublishOnCommit(new DocumentArchived(document.Id, category, renovationCode, fileNumber, document.Sha256, document.SizeBytes, document.Version)
            {
                OccurredAt = document.CreatedAt,
                CorrelationId = correlationId,
            });

            // The bytes are in place before any row refers to them.
            beforeSave?.Invoke();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new IngestResult(document, Existing: false);
            }
            catch (DbUpdateException ex) when (attempt < 3 && ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
