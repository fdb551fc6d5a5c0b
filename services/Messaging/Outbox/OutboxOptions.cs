namespace CityEServices.Messaging.Outbox;

public sealed class OutboxOptions
{
    /// <summary>Fallback poll, for rows written by other replicas or left by a crash; commits wake the relay at once.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int BatchSize { get; set; } = 100;

    /// <summary>How long one publish may wait for the broker's confirm before it counts as failed.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MinRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Published rows are kept this long for diagnosis, then deleted.</summary>
    public TimeSpan PublishedRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Inbox rows are kept this long, then deleted. Far beyond any redelivery the broker or a
    /// republished outbox row can produce, so the table stays bounded without forgetting too soon.
    /// </summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// Exponential backoff with jitter, always within [MinRetryDelay, MaxRetryDelay] (Max wins when the two
    /// are configured the wrong way round); an event is retried for ever, never dropped.
    /// </summary>
    /// <param name="attempts">Failed attempts so far (1 after the first failure).</param>
    public TimeSpan RetryDelay(int attempts)
    {
        var max = Math.Max(0, MaxRetryDelay.TotalMilliseconds);
        var min = Math.Clamp(MinRetryDelay.TotalMilliseconds, 0, max);
        // 2^16 × the minimum already exceeds any sensible maximum; the cap keeps Math.Pow finite.
        var exponent = Math.Clamp(attempts, 0, 16);
        var ceiling = Math.Min(max, Math.Max(min, 1) * Math.Pow(2, exponent));
        var jittered = min + Random.Shared.NextDouble() * Math.Max(0, ceiling - min);
        return TimeSpan.FromMilliseconds(Math.Clamp(jittered, min, max));
    }
}
