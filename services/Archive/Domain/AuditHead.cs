namespace CityEServices.Archive.Domain;

/// <summary>
/// One chain head a service published (AuditHeadPublished), kept apart from that service's own database:
/// the evidence its history is later compared with. Rows are only ever added.
/// </summary>
public sealed class AuditHead
{
    public long Id { get; init; }

    public required string Service { get; init; }

    public required string Trail { get; init; }

    public long Sequence { get; init; }

    /// <summary>SHA-256, lower-case hex.</summary>
    public required string Hash { get; init; }

    public DateTimeOffset PublishedAt { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }
}
