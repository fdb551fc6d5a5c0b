namespace CityEServices.Notifications.Domain.Sms;

/// <summary>A number that receives no more messages from the city.</summary>
public sealed class SmsOptOut
{
    /// <summary><c>+989…</c>.</summary>
    public required string Mobile { get; init; }

    public OptOutSource Source { get; init; }

    public DateTimeOffset OptedOutAt { get; init; }

    /// <summary>Who recorded it: <c>user:&lt;id&gt;</c> for an admin, <c>citizen:&lt;id&gt;</c> for the citizen.</summary>
    public required string OptedOutBy { get; init; }
}

public enum OptOutSource
{
    /// <summary>An admin recorded it (the citizen asked at a counter or by phone).</summary>
    Admin,

    /// <summary>The citizen, signed in (the citizen issue's <c>/api/me</c> calls <c>OptOutSms</c> with this).</summary>
    Citizen,
}
