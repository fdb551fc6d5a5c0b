using System.Globalization;

namespace CityEServices.Archive.Consumers;

/// <summary>What the archive writes for an issued document: its file, its property, its number, a title and the lines of the record.</summary>
public sealed record IssuedRecord(string FileNumber, string RenovationCode, string Number, string Title, IReadOnlyList<string> Lines);

/// <summary>
/// Stores a system-generated Latin record (category PERMIT, source System) of something urban planning
/// issued without a rendered document. An issue numbered with a document number came with its Persian
/// PDF (<see cref="IssuedDocumentRenderedConsumer"/>), which is the file's one record of it: nothing is
/// written here then. Idempotent twice over: the inbox stops a redelivery, and a record with the same
/// title in the same file stops a republish under a new event id.
/// </summary>
public abstract class IssuedRecordConsumer<TEvent>(ArchiveDbContext db, ContentStore store, DocumentIngest ingest, ILogger logger)
    : InboxConsumer<ArchiveDbContext, TEvent>(db, logger)
    where TEvent : IntegrationEvent
{
    protected abstract IssuedRecord Describe(TEvent message);

    protected override async Task HandleAsync(TEvent message, ConsumeContext<TEvent> context, CancellationToken cancellationToken)
    {
        var record = Describe(message);
        if (!FileNumbers.IsWellFormed(record.FileNumber))
        {
            throw new FormatException($"{typeof(TEvent).Name} {message.EventId} carries malformed file number '{record.FileNumber}'.");
        }

        // Urban planning numbers an issue with its document's number exactly when it rendered one.
        if (IssuedDocumentNumbers.IsWellFormed(record.Number))
        {
            return;
        }

        // The same issue announced again under another event id (a republish) keeps its first record.
        if (await Db.Documents.AnyAsync(d => d.FileNumber == record.FileNumber && d.CategoryCode == DocumentCategories.Permit
            && d.Source == DocumentSource.System && d.Title == record.Title, cancellationToken))
        {
            return;
        }

        var lines = new List<string>
        {
            "Tehran Municipality - Electronic Archive",
            "System record of an issued document",
            string.Empty,
            record.Title,
            $"File number: {record.FileNumber}",
            $"Renovation code: {record.RenovationCode}",
            $"Issued at (UTC): {message.OccurredAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}",
        };
        lines.AddRange(record.Lines);
        var bytes = SimplePdf.Render(lines);
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

        var dossier = await Db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.FileNumber == record.FileNumber, cancellationToken);
        var description = new DocumentDescription(
            DocumentCategories.Permit, record.Title, record.FileNumber, dossier?.RenovationCode ?? record.RenovationCode,
            dossier?.District ?? FileNumbers.DistrictOf(record.FileNumber), DocumentSource.System, message.OccurredAt.ToUniversalTime());
        await store.PutAsync(bytes, cancellationToken);
        await ingest.ArchiveAsync(
            new StagedDocument(sha256, bytes.Length, ContentKind.Pdf, 1), description,
            Caller.System(Extensions.ServiceName, message.CorrelationId), beforeSave: null, cancellationToken);
    }
}
