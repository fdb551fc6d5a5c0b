namespace CityEServices.Archive.Domain;

/// <summary>
/// A legal hold (توقیف قانونی): while active, nothing it covers may be disposed of. It covers a whole
/// file, a whole property, or one document; released only with a reason, and kept after release.
/// </summary>
public sealed class LegalHold
{
    public Guid Id { get; init; }

    public string? FileNumber { get; init; }

    public string? RenovationCode { get; init; }

    public Guid? DocumentId { get; init; }

    public required string Reason { get; init; }

    /// <summary>The archivist's actor id (<c>user:…</c>), as every history names who did it.</summary>
    public required string PlacedBy { get; init; }

    public DateTimeOffset PlacedAt { get; init; }

    /// <summary>The actor id of whoever released it.</summary>
    public string? ReleasedBy { get; private set; }

    public DateTimeOffset? ReleasedAt { get; private set; }

    public string? ReleaseReason { get; private set; }

    public bool IsActive => ReleasedAt is null;

    public void Release(string by, string reason, DateTimeOffset at)
    {
        ReleasedBy = by;
        ReleaseReason = reason;
        ReleasedAt = at;
    }

    public bool Covers(Document document) =>
        (DocumentId is { } id && id == document.Id)
        || (FileNumber is not null && FileNumber == document.FileNumber)
        || (RenovationCode is not null && RenovationCode == document.RenovationCode);
}

/// <summary>The record that a document was disposed of: what, when, by whom, why, and under which rule.</summary>
public sealed class Disposal
{
    public Guid Id { get; init; }

    public Guid DocumentId { get; init; }

    public required string Sha256 { get; init; }

    public required string CategoryCode { get; init; }

    public DateTimeOffset RetainedUntil { get; init; }

    public required string Reason { get; init; }

    /// <summary>The actor id of the archivist who disposed of it.</summary>
    public required string DisposedBy { get; init; }

    public DateTimeOffset DisposedAt { get; init; }

    /// <summary>Whether the bytes were removed (false when another live document still has the same content).</summary>
    public bool ContentRemoved { get; init; }
}

/// <summary>One read of a document's content: who, when, which document, which range.</summary>
public sealed class ContentRead
{
    public long Id { get; init; }

    public Guid DocumentId { get; init; }

    /// <summary>The reader's actor id (<c>user:…</c>, <c>client:…</c>).</summary>
    public required string Actor { get; init; }

    public DateTimeOffset ReadAt { get; init; }

    public string? Range { get; init; }
}
