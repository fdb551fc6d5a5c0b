namespace CityEServices.UrbanPlanning.Domain;

/// <summary>
/// پرونده شهرسازی: one per property, opened at an e-service office by an authorised operator for an
/// applicant who owns a share. Service requests are added to it later.
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

    public string OfficeCode { get; private set; } = null!;

    public string ApplicantNationalId { get; private set; } = null!;

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
            ApplicantMobile = applicantMobile?.Value,
            Status = FileStatus.Open,
            OpenedBy = openedBy,
            OpenedByName = openedByName,
            OpenedAt = openedAt.ToUniversalTime(),
        };
}
