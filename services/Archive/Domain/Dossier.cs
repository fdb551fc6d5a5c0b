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

    /// <summary>The office that holds the file now: the one that opened it, or the last that took it up.</summary>
    public string OfficeCode { get; private set; } = null!;

    /// <summary>
    /// Who may upload to the file as a citizen: the applicant, then the property's owners after a
    /// transfer (urban planning's <see cref="UrbanPlanningFileHoldersChanged"/>).
    /// </summary>
    public List<string> HolderNationalIds { get; private set; } = [];

    /// <summary>When the office or the holders last changed, so an older event arriving late changes nothing.</summary>
    public DateTimeOffset? OfficeChangedAt { get; private set; }

    public DateTimeOffset? HoldersChangedAt { get; private set; }

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
            HolderNationalIds = [opened.ApplicantNationalId],
            OpenedAt = opened.OccurredAt.ToUniversalTime(),
            CreatedAt = now.ToUniversalTime(),
        };
    }

    public bool IsHolder(string? nationalId) => nationalId is not null && HolderNationalIds.Contains(nationalId, StringComparer.Ordinal);

    /// <summary>Another office took the file up; a hand-over older than the last one applied is ignored.</summary>
    public void HandOver(string toOfficeCode, DateTimeOffset at)
    {
        if (OfficeChangedAt is { } last && at <= last)
        {
            return;
        }

        OfficeCode = toOfficeCode;
        OfficeChangedAt = at.ToUniversalTime();
    }

    /// <summary>The file's holders changed; a change older than the last one applied is ignored.</summary>
    public void ChangeHolders(IEnumerable<string> nationalIds, DateTimeOffset at)
    {
        if (HoldersChangedAt is { } last && at <= last)
        {
            return;
        }

        HolderNationalIds = [.. nationalIds.Distinct(StringComparer.Ordinal)];
        HoldersChangedAt = at.ToUniversalTime();
    }
}
