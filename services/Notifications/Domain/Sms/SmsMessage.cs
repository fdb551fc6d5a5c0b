namespace CityEServices.Notifications.Domain.Sms;

/// <summary>
/// A message owed to a citizen, written in the same transaction as the event that caused it (so a
/// redelivered event adds none) and sent by the sender job, retried until the provider takes it.
/// Its id is also the provider's <c>localid</c>, which keeps a retried send from reaching the phone twice.
/// </summary>
public sealed class SmsMessage : OutgoingAttempt
{
    /// <summary>Who it is for, by role: <c>applicant:&lt;file number&gt;</c>. One message per event and recipient.</summary>
    public required string Recipient { get; init; }

    public required string FileNumber { get; init; }

    /// <summary>The template key (<see cref="SmsTemplates"/>).</summary>
    public required string Template { get; init; }

    public string? ServiceType { get; init; }

    /// <summary><c>+989…</c>; null until the file's contact is known (the opening may be heard after a status change).</summary>
    public string? Mobile { get; set; }

    public string? TrackingCode { get; set; }

    /// <summary>What was (or is being) sent; rendered once the contact is known.</summary>
    public string? Text { get; set; }

    public SmsStatus Status { get; set; }

    public string? ProviderMessageId { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public static string ApplicantOf(string fileNumber) => $"applicant:{fileNumber}";
}
