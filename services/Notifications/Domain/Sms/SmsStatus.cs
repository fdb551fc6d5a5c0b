namespace CityEServices.Notifications.Domain.Sms;

public enum SmsStatus
{
    /// <summary>To be sent now or at its next attempt (or waiting for the file's contact to be heard of).</summary>
    Pending,

    /// <summary>The provider accepted it.</summary>
    Sent,

    /// <summary>Every attempt within Notifications:RetryFor failed, or the provider refused the number; kept and listed.</summary>
    Failed,

    /// <summary>The recipient had opted out when it was due: not sent.</summary>
    OptedOut,

    /// <summary>The file was opened without a mobile number: there is nobody to send it to.</summary>
    NoMobile,

    /// <summary>The file's opening was never heard of within Notifications:Sms:ContactWait: no number to send it to.</summary>
    NoContact,
}
