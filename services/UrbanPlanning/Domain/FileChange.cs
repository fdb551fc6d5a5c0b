namespace CityEServices.UrbanPlanning.Domain;

/// <summary>What moved a file: another office took it up, or the property changed hands.</summary>
public enum FileChangeKind
{
    HandedOver,
    OwnersChanged,
}

/// <summary>
/// One entry of a file's own timeline (beside its requests' transitions): a hand-over names both
/// offices; an owners' change names no one (the owners are the registry's to show), only how many
/// people may now track and apply on the file.
/// </summary>
public sealed class FileChange
{
    private FileChange()
    {
    }

    public Guid Id { get; private set; }

    public string FileNumber { get; private set; } = null!;

    public FileChangeKind Kind { get; private set; }

    public string? FromOfficeCode { get; private set; }

    public string? ToOfficeCode { get; private set; }

    public int? HolderCount { get; private set; }

    /// <summary>Who made it: the operator who took the file up, or <c>system:urbanplanning</c> hearing the registry.</summary>
    public string Actor { get; private set; } = null!;

    public DateTimeOffset At { get; private set; }

    public static FileChange HandedOver(string fileNumber, string fromOffice, string toOffice, string actor, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        FileNumber = fileNumber,
        Kind = FileChangeKind.HandedOver,
        FromOfficeCode = fromOffice,
        ToOfficeCode = toOffice,
        Actor = actor,
        At = at,
    };

    public static FileChange OwnersChanged(string fileNumber, int holders, string actor, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        FileNumber = fileNumber,
        Kind = FileChangeKind.OwnersChanged,
        HolderCount = holders,
        Actor = actor,
        At = at,
    };
}
