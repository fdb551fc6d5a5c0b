namespace CityEServices.Archive.Domain;

/// <summary>
/// Metadata of one stored document version; the content lives in the content-addressed store under
/// <see cref="Sha256"/>. Never updated in place: a new version is a new row. The one later change is
/// disposal, which stamps <see cref="DisposedAt"/> and keeps the row as the record of what existed.
/// </summary>
public sealed class Document
{
    public Guid Id { get; init; }

    /// <summary>A code of the classification scheme (<see cref="ClassificationScheme"/>).</summary>
    public required string CategoryCode { get; init; }

    public string? RenovationCode { get; init; }

    public string? FileNumber { get; init; }

    public int? District { get; init; }

    /// <summary>Persian-normalised, so a search typed with Arabic ي/ك finds it.</summary>
    public required string Title { get; init; }

    public DocumentSource Source { get; init; }

    /// <summary>For an issued document urban planning rendered, its number (<see cref="IssuedDocumentNumbers"/>): the one record of that document.</summary>
    public string? DocumentNumber { get; init; }

    /// <summary>Lower-case hex SHA-256 of the content.</summary>
    public required string Sha256 { get; init; }

    public long SizeBytes { get; init; }

    /// <summary>As detected from the content's signature, not as the uploader claimed.</summary>
    public required string ContentType { get; init; }

    public int? Pages { get; init; }

    public int Version { get; init; } = 1;

    public DateTimeOffset? ScannedAt { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Who archived it, as an actor id (<c>user:…</c>, <c>client:…</c>; <c>system:archive</c> for records the archive made itself).</summary>
    public string? CreatedBy { get; init; }

    public DateTimeOffset? DisposedAt { get; private set; }

    public bool IsDisposed => DisposedAt is not null;

    public void MarkDisposed(DateTimeOffset at) => DisposedAt ??= at;

    /// <summary>When retention ends, or null for records kept for ever.</summary>
    public DateTimeOffset? RetainedUntil(RetentionRule rule) => rule.Permanent ? null : CreatedAt.AddYears(rule.Years!.Value);
}
