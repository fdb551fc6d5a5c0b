namespace CityEServices.Notifications.Domain.Sms;

/// <summary>Which events a citizen hears about by SMS: their file opened, and every move of a request in it.</summary>
public static class CitizenMessages
{
    /// <summary>The contact a file-opened event gives, when it is one (a mobile that is not a valid Iranian mobile counts as none).</summary>
    public static FileContact? ContactFrom(IntegrationEvent integrationEvent, DateTimeOffset now) => integrationEvent switch
    {
        UrbanPlanningFileOpened opened => new FileContact
        {
            FileNumber = opened.FileNumber,
            Mobile = MobileNumber.TryParse(opened.ApplicantMobile, out var mobile) ? mobile.Value : null,
            TrackingCode = opened.TrackingCode,
            ApplicantNationalId = NationalId.TryParse(opened.ApplicantNationalId, out var nationalId) ? nationalId.Value : null,
            EventId = opened.EventId,
            GivenAt = opened.OccurredAt.ToUniversalTime(),
            RecordedAt = now,
        },
        _ => null,
    };

    /// <summary>The message the event owes the applicant, or null. The contact may still be unknown (then the sender looks it up).</summary>
    public static SmsMessage? MessageFor(IntegrationEvent integrationEvent, FileContact? contact, DateTimeOffset now)
    {
        var (fileNumber, template, serviceType) = integrationEvent switch
        {
            UrbanPlanningFileOpened opened => (opened.FileNumber, SmsTemplates.FileOpened, null),
            ServiceRequestStatusChanged changed => (changed.FileNumber, SmsTemplates.ForStatus(changed.ToStatus), changed.ServiceType),
            _ => ((string?)null, (string?)null, (string?)null),
        };
        if (fileNumber is null || template is null || contact is { Mobile: null })
        {
            // Not a citizen's event, or a file whose applicant gave no mobile: nothing to send, nothing to keep.
            return null;
        }

        return new SmsMessage
        {
            Id = Guid.CreateVersion7(now),
            EventId = integrationEvent.EventId,
            Recipient = SmsMessage.ApplicantOf(fileNumber),
            FileNumber = fileNumber,
            Template = template,
            ServiceType = serviceType,
            Mobile = contact?.Mobile,
            TrackingCode = contact?.TrackingCode,
            Status = SmsStatus.Pending,
            EventTime = integrationEvent.OccurredAt,
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }
}
