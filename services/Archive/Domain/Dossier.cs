namespace CityEServices.Archive.Domain;

/// <summary>
/// The archive's folder for one urban-planning file, created when the file is opened. Documents refer
/// to it by file number (and to the property by renovation code), never through a foreign key:
/// legacy scans may name files that predate this system.
/// </summary>
public sealed class Dossier
{
    private Dossier()
    {
    }

    public string FileNumber { get; private set; } = null!;

    public string RenovationCode { get; private set; } = null!;

    public int District { get; private set; }

    public string OfficeCode { get; private set; } = null!;

    /// <summary>When urban planning opened the file (the event's time), not when the archive heard of it.</summary>
    public DateTimeOffset OpenedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static Dossier From(UrbanPlanningFileOpened opened, DateTimeOffset now)
    {
        if (!FileNumbers.IsWellFormed(opened.FileNumber))
        {
            // Our own publisher's bug: failing sends the message to the error queue where it can be seen.
            throw new FormatException($"UrbanPlanningFileOpened {opened.EventId} carries malformed file number '{opened.FileNumber}'.");
        }

        return new Dossier
        {
            FileNumber = opened.FileNumber,
            RenovationCode = opened.RenovationCode,
            District = opened.District,
            OfficeCode = opened.OfficeCode,
            OpenedAt = opened.OccurredAt.ToUniversalTime(),
            CreatedAt = now.ToUniversalTime(),
        };
    }
}
