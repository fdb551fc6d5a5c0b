namespace CityEServices.UrbanPlanning.Domain;

/// <summary>
/// پرونده شهرسازی: one per property, opened at an e-service office by an authorised operator for an
/// applicant who owns a share. Service requests are added to it later. The file belongs to the property:
/// whoever owns it now tracks it and applies on it, and any office licensed for a service may take it up.
/// </summary>
public sealed class UrbanPlanningFile
{
    private UrbanPlanningFile()
    {
    }

    public string FileNumber { get; private set; } = null!;

    public string TrackingCode { get; private set; } = null!;

    /// <summary>Canonical form (see <see cref="Domain.RenovationCode"/>); unique: a property has one file.</summary>
    public string RenovationCode { get; private set; } = null!;

    /// <summary>The property's district according to the property registry when the file was opened.</summary>
    public int District { get; private set; }

    /// <summary>The office that holds the file now: the one that opened it, or the last that took it up.</summary>
    public string OfficeCode { get; private set; } = null!;

    /// <summary>Who opened it: kept as a fact even after they sold their share.</summary>
    public string ApplicantNationalId { get; private set; } = null!;

    /// <summary>
    /// The national IDs that may track the file and apply on it: the applicant at first, then the
    /// property's owners (people, not organisations) each time the registry announces a transfer.
    /// </summary>
    public List<string> HolderNationalIds { get; private set; } = [];

    /// <summary>The applicant's mobile (<c>+989…</c>) for SMS about the file, when they gave one.</summary>
    public string? ApplicantMobile { get; private set; }

    public FileStatus Status { get; private set; }

    /// <summary>Who opened it, as <c>user:&lt;id&gt;</c>: stable even if the user is renamed.</summary>
    public string OpenedBy { get; private set; } = null!;

    /// <summary>The operator's name as the token carried it, for people reading the record.</summary>
    public string? OpenedByName { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public static UrbanPlanningFile Open(
        FileNumber fileNumber,
        string trackingCode,
        RenovationCode renovationCode,
        int district,
        string officeCode,
        string applicantNationalId,
        string openedBy,
        string? openedByName,
        DateTimeOffset openedAt,
        MobileNumber? applicantMobile = null) => new()
        {
            FileNumber = fileNumber.ToString(),
            TrackingCode = trackingCode,
            RenovationCode = renovationCode.Value,
            District = district,
            OfficeCode = officeCode,
            ApplicantNationalId = applicantNationalId,
            HolderNationalIds = [applicantNationalId],
            ApplicantMobile = applicantMobile?.Value,
            Status = FileStatus.Open,
            OpenedBy = openedBy,
            OpenedByName = openedByName,
            OpenedAt = openedAt.ToUniversalTime(),
        };

    public bool IsHolder(string nationalId) => HolderNationalIds.Contains(nationalId, StringComparer.Ordinal);

    /// <summary>Another office takes the file up (null when it already holds it): it acts on it from now on.</summary>
    public FileChange? HandOver(string toOffice, string actor, DateTimeOffset at)
    {
        if (string.Equals(OfficeCode, toOffice, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var change = FileChange.HandedOver(FileNumber, OfficeCode, toOffice, actor, at);
        OfficeCode = toOffice;
        return change;
    }

    /// <summary>
    /// The property's owners after a transfer become the file's holders (null when nothing changed, as on
    /// a redelivered event): the seller who kept no share no longer tracks it; the buyer does.
    /// </summary>
    public FileChange? ChangeHolders(IEnumerable<string> ownerNationalIds, string actor, DateTimeOffset at)
    {
        List<string> holders = [.. ownerNationalIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        if (holders.SequenceEqual(HolderNationalIds.Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            return null;
        }

        HolderNationalIds = holders;
        return FileChange.OwnersChanged(FileNumber, holders.Count, actor, at);
    }
}
