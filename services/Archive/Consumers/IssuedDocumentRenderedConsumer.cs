using System.Security.Cryptography;

namespace CityEServices.Archive.Consumers;

/// <summary>
/// Keeps the Persian PDF urban planning issued (permit, contract, certificate, report) as the file's
/// record of it: category PERMIT, source System, titled as issued and carrying its document number.
/// Content that does not hash to the announced SHA-256, or is not a readable PDF, is never stored:
/// the consumer throws, MassTransit retries and then moves the message to the error queue, where an
/// operator sees it. Idempotent twice over: the inbox stops a redelivery, the document number a
/// republish under a new event id.
/// </summary>
public sealed class IssuedDocumentRenderedConsumer(ArchiveDbContext db, ContentStore store, DocumentIngest ingest, ILogger<IssuedDocumentRenderedConsumer> logger)
    : InboxConsumer<ArchiveDbContext, IssuedDocumentRendered>(db, logger)
{
    protected override async Task HandleAsync(IssuedDocumentRendered message, ConsumeContext<IssuedDocumentRendered> context, CancellationToken cancellationToken)
    {
        if (!FileNumbers.IsWellFormed(message.FileNumber))
        {
            throw new FormatException($"IssuedDocumentRendered {message.EventId} carries malformed file number '{message.FileNumber}'.");
        }

        if (!IssuedDocumentNumbers.IsWellFormed(message.DocumentNumber))
        {
            throw new FormatException($"IssuedDocumentRendered {message.EventId} carries malformed document number '{message.DocumentNumber}'.");
        }

        // Checked even for a document already archived: damaged content in transit is worth seeing every time.
        var pdf = message.Pdf ?? [];
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf));
        if (!string.Equals(sha256, message.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException(
                $"IssuedDocumentRendered {message.EventId}: the PDF of document {message.DocumentNumber} hashes to {sha256}, not the announced {message.Sha256}; not archived.");
        }

        // A republish under another event id (urban planning's outbox restored, say) keeps the first record.
        if (await Db.Documents.AnyAsync(d => d.DocumentNumber == message.DocumentNumber, cancellationToken))
        {
            return;
        }

        var pages = ContentSignature.Detect(pdf) == ContentKind.Pdf ? PageCounter.CountPdfPages(new MemoryStream(pdf, writable: false)) : null;
        if (pages is null)
        {
            throw new InvalidDataException($"IssuedDocumentRendered {message.EventId}: document {message.DocumentNumber} is not a readable PDF; not archived.");
        }

        var title = PersianText.Normalize(message.Title)?.Trim();
        if (string.IsNullOrEmpty(title) || title.Length > UploadMetadata.MaxTitleLength)
        {
            throw new FormatException($"IssuedDocumentRendered {message.EventId} carries no usable title for document {message.DocumentNumber}.");
        }

        var dossier = await Db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.FileNumber == message.FileNumber, cancellationToken);
        var description = new DocumentDescription(
            DocumentCategories.Permit, title, message.FileNumber, dossier?.RenovationCode ?? message.RenovationCode,
            dossier?.District ?? FileNumbers.DistrictOf(message.FileNumber), DocumentSource.System, message.OccurredAt.ToUniversalTime())
        {
            DocumentNumber = message.DocumentNumber,
        };
        await store.PutAsync(pdf, cancellationToken);
        await ingest.ArchiveAsync(
            new StagedDocument(sha256, pdf.Length, ContentKind.Pdf, pages), description,
            Caller.System(Extensions.ServiceName, message.CorrelationId), beforeSave: null, cancellationToken);
    }
}
