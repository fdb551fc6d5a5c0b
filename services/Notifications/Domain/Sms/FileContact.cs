namespace CityEServices.Notifications.Domain.Sms;

/// <summary>How to reach a file's applicant, as UrbanPlanningFileOpened told it (a file may have no mobile).</summary>
public sealed class FileContact
{
    public required string FileNumber { get; init; }

    /// <summary><c>+989…</c>, or null when the applicant gave none.</summary>
    public string? Mobile { get; init; }

    public string? TrackingCode { get; init; }

    public Guid EventId { get; init; }

    public DateTimeOffset RecordedAt { get; init; }
}
