namespace CityEServices.Notifications.Domain.Sms;

/// <summary>How to reach a file's applicant, as UrbanPlanningFileOpened told it (a file may have no mobile).</summary>
public sealed class FileContact
{
    public required string FileNumber { get; init; }

    /// <summary><c>+989…</c>, or null when the applicant gave none.</summary>
    public string? Mobile { get; init; }

    public string? TrackingCode { get; init; }

    /// <summary>The applicant's national ID: a citizen's sign-in code goes to the latest mobile they gave (null for contacts heard before it was kept).</summary>
    public string? ApplicantNationalId { get; init; }

    public Guid EventId { get; init; }

    /// <summary>When the file was opened (the event's own time): "latest mobile" means the latest opening, not the latest heard.</summary>
    public DateTimeOffset GivenAt { get; init; }

    public DateTimeOffset RecordedAt { get; init; }
}
