namespace CityEServices.Notifications.Domain;

/// <summary>
/// Settings under <c>Notifications:Sms</c>: the provider (a Kavenegar-shaped REST gateway:
/// <c>POST {BaseUrl}/v1/{ApiKey}/sms/send.json</c>) and the sender job. In Development, without a
/// BaseUrl, the adapter sends to this service's own sink (<c>/sms-sink</c>).
/// </summary>
public sealed class SmsOptions
{
    public const string SectionName = "Notifications:Sms";

    public string? BaseUrl { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>The line messages are sent from, when the account has several; the provider's default otherwise.</summary>
    public string? Sender { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a status change waits for its file's opening to be heard (events may arrive out of order).</summary>
    public TimeSpan ContactWait { get; set; } = TimeSpan.FromHours(1);

    public int MaxInFlight { get; set; } = 4;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Off only in tests that drive the sender themselves.</summary>
    public bool RunSender { get; set; } = true;

    public TimeSpan LeaseDuration => Timeout + Timeout + TimeSpan.FromSeconds(5);

    public IEnumerable<string> Problems()
    {
        if (Timeout <= TimeSpan.Zero || PollInterval <= TimeSpan.Zero || ContactWait < TimeSpan.Zero || MaxInFlight < 1)
        {
            yield return "Notifications:Sms needs positive Timeout and PollInterval, ContactWait >= 0 and MaxInFlight >= 1.";
        }

        if (!string.IsNullOrWhiteSpace(BaseUrl) && !Uri.TryCreate(BaseUrl, UriKind.Absolute, out _))
        {
            yield return "Notifications:Sms:BaseUrl must be an absolute URL.";
        }
    }
}
