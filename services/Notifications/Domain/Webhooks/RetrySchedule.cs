namespace CityEServices.Notifications.Domain.Webhooks;

/// <summary>How long a failed attempt waits for the next, and when trying stops.</summary>
/// <param name="BaseDelay">The ceiling of the first wait; each failure doubles it.</param>
/// <param name="MaxDelay">No wait is ever longer.</param>
/// <param name="RetryFor">From the first attempt's due time: after this, the next failure is final.</param>
public sealed record RetryPolicy(TimeSpan BaseDelay, TimeSpan MaxDelay, TimeSpan RetryFor);

public static class RetrySchedule
{
    /// <summary>
    /// Exponential backoff with full jitter: uniform in [0, min(MaxDelay, BaseDelay·2^(attempts−1))), so
    /// many deliveries failing at once (a subscriber down) spread their retries instead of returning together.
    /// </summary>
    /// <param name="attempts">Failed attempts so far (1 after the first failure).</param>
    /// <param name="random">A draw from [0, 1).</param>
    public static TimeSpan Delay(int attempts, RetryPolicy policy, double random)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 40);
        var ceiling = Math.Min(policy.MaxDelay.TotalMilliseconds, Math.Max(1, policy.BaseDelay.TotalMilliseconds) * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds(Math.Clamp(random, 0, 1) * ceiling);
    }

    /// <summary>
    /// When to try again after the <paramref name="attempts"/>th failure at <paramref name="now"/>, or
    /// null when the window since <paramref name="firstDue"/> has run out (the delivery is then Failed).
    /// The last retry falls at the window's end, never after it.
    /// </summary>
    public static DateTimeOffset? Next(int attempts, DateTimeOffset firstDue, DateTimeOffset now, RetryPolicy policy, double random)
    {
        var deadline = firstDue + policy.RetryFor;
        if (now >= deadline)
        {
            return null;
        }

        var next = now + Delay(attempts, policy, random);
        return next < deadline ? next : deadline;
    }
}
