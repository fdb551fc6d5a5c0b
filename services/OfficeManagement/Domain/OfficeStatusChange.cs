namespace CityEServices.OfficeManagement.Domain;

/// <summary>One change of an office's status: from what, to what, when, by whom, and why.</summary>
public sealed class OfficeStatusChange
{
    public const int MaxNoteLength = 500;

    private OfficeStatusChange()
    {
    }

    public Guid Id { get; private set; }

    public OfficeCode OfficeCode { get; private set; }

    public OfficeStatus FromStatus { get; private set; }

    public OfficeStatus ToStatus { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public string ChangedBy { get; private set; } = string.Empty;

    public string? Note { get; private set; }

    internal static OfficeStatusChange Record(OfficeCode office, OfficeStatus from, OfficeStatus to, DateTimeOffset at, string by, string? note) => new()
    {
        Id = Guid.CreateVersion7(at),
        OfficeCode = office,
        FromStatus = from,
        ToStatus = to,
        ChangedAt = at,
        ChangedBy = by,
        Note = note,
    };
}
