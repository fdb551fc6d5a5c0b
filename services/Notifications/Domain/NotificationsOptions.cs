namespace CityEServices.Notifications.Domain;

/// <summary>Settings under <c>Notifications</c>: how long deliveries and messages are retried, rotation overlap, limits.</summary>
public sealed class NotificationsOptions
{
    public const string SectionName = "Notifications";

    /// <summary>How long a delivery (or an SMS) is retried before it is marked Failed.</summary>
    public TimeSpan RetryFor { get; set; } = TimeSpan.FromHours(72);

    /// <summary>How long the previous secret keeps signing after a rotation.</summary>
    public TimeSpan SecretOverlap { get; set; } = TimeSpan.FromHours(24);

    public int MaxSubscriptionsPerClient { get; set; } = 50;

    /// <summary>The most events one replay may re-send.</summary>
    public int MaxReplayEvents { get; set; } = 10_000;

    /// <summary>Events, finished deliveries and sent messages older than this are deleted (and can no longer be replayed).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    public DeliveryOptions Deliveries { get; set; } = new();

    public IEnumerable<string> Problems()
    {
        if (RetryFor <= TimeSpan.Zero)
        {
            yield return "Notifications:RetryFor must be positive.";
        }

        if (SecretOverlap < TimeSpan.Zero)
        {
            yield return "Notifications:SecretOverlap must not be negative.";
        }

        if (MaxSubscriptionsPerClient < 1 || MaxReplayEvents < 1)
        {
            yield return "Notifications:MaxSubscriptionsPerClient and MaxReplayEvents must be at least 1.";
        }

        if (Retention <= RetryFor)
        {
            yield return "Notifications:Retention must be longer than RetryFor (a pending delivery's event must outlive it).";
        }

        foreach (var problem in Deliveries.Problems())
        {
            yield return problem;
        }
    }

    public RetryPolicy RetryPolicy => new(Deliveries.MinRetryDelay, Deliveries.MaxRetryDelay, RetryFor);
}

/// <summary>Settings under <c>Notifications:Deliveries</c>: the delivery worker of each replica.</summary>
public sealed class DeliveryOptions
{
    /// <summary>One POST may take this long (connect, send, the subscriber's answer) before it counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The ceiling of the first retry's wait (full jitter below it), doubling per failure.</summary>
    public TimeSpan MinRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>POSTs in flight at once on one replica.</summary>
    public int MaxInFlight { get; set; } = 32;

    /// <summary>POSTs in flight at once to one subscription, across every replica: a slow subscriber takes no more.</summary>
    public int MaxInFlightPerSubscription { get; set; } = 4;

    /// <summary>How often a replica looks for due deliveries when nothing woke it (events heard by another replica, retries).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Off only in tests that drive the worker themselves.</summary>
    public bool RunWorker { get; set; } = true;

    /// <summary>How long a claimed delivery is held: past the POST's timeout, so only a dead replica's claim runs out.</summary>
    public TimeSpan LeaseDuration => Timeout + Timeout + TimeSpan.FromSeconds(5);

    public IEnumerable<string> Problems()
    {
        if (Timeout <= TimeSpan.Zero || PollInterval <= TimeSpan.Zero)
        {
            yield return "Notifications:Deliveries:Timeout and PollInterval must be positive.";
        }

        if (MinRetryDelay <= TimeSpan.Zero || MaxRetryDelay < MinRetryDelay)
        {
            yield return "Notifications:Deliveries needs 0 < MinRetryDelay <= MaxRetryDelay.";
        }

        if (MaxInFlight < 1 || MaxInFlightPerSubscription < 1)
        {
            yield return "Notifications:Deliveries:MaxInFlight and MaxInFlightPerSubscription must be at least 1.";
        }
    }
}
