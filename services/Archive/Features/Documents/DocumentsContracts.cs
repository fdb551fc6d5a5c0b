namespace CityEServices.Archive.Features.Documents;

/// <summary>The answer to an upload: 201 for a new record, 200 with <c>alreadyArchived</c> for the same content already in that dossier.</summary>
public sealed record DocumentReceipt(Guid DocumentId, string Sha256, long SizeBytes, int Version, string ContentType, int? Pages, bool AlreadyArchived)
{
    public static DocumentReceipt From(Document document, bool alreadyArchived) =>
        new(document.Id, document.Sha256, document.SizeBytes, document.Version, document.ContentType, document.Pages, alreadyArchived);
}

public sealed record DocumentResponse(
    Guid DocumentId,
    string Category,
    string Title,
    int Version,
    string? FileNumber,
    string? RenovationCode,
    int? District,
    DocumentSource Source,
    string? DocumentNumber,
    string Sha256,
    long SizeBytes,
    string ContentType,
    int? Pages,
    DualTime? ScannedAt,
    DualTime CreatedAt,
    string? CreatedBy,
    DualTime? RetainedUntil,
    DualTime? DisposedAt)
{
    public static DocumentResponse From(Document document)
    {
        var retention = ClassificationScheme.Find(document.CategoryCode)?.Retention;
        return new(
            document.Id,
            document.CategoryCode,
            document.Title,
            document.Version,
            document.FileNumber,
            document.RenovationCode,
            document.District,
            document.Source,
            document.DocumentNumber,
            document.Sha256,
            document.SizeBytes,
            document.ContentType,
            document.Pages,
            Dual(document.ScannedAt),
            DualTime.From(document.CreatedAt),
            document.CreatedBy,
            Dual(retention is null ? null : document.RetainedUntil(retention)),
            Dual(document.DisposedAt));
    }

    private static DualTime? Dual(DateTimeOffset? instant) => instant is { } value ? DualTime.From(value) : null;
}

/// <summary>
/// The filters of <c>GET /api/archive/documents</c>, as text: a malformed one is a field error of the
/// 400, not a binding failure.
/// </summary>
public sealed record DocumentSearchQuery(
    string? RenovationCode,
    string? FileNumber,
    string? Category,
    string? District,
    string? From,
    string? To,
    string? Q,
    string? Sha256,
    string? Page,
    string? PageSize);

/// <summary>One read of a document's content, as the access audit shows it.</summary>
public sealed record ContentReadResponse(string Actor, DualTime ReadAt, string? Range)
{
    public static ContentReadResponse From(ContentRead read) => new(read.Actor, DualTime.From(read.ReadAt), read.Range);
}
