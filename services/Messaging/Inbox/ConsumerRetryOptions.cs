namespace CityEServices.Messaging.Inbox;

public sealed class ConsumerRetryOptions
{
    /// <summary>Attempts after the first before the message goes to the endpoint's _error queue.</summary>
    public int RetryLimit { get; set; } = 5;

    public TimeSpan MinInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan IntervalDelta { get; set; } = TimeSpan.FromMilliseconds(200);
}
