namespace CityEServices.UrbanPlanning.Domain.Requests;

/// <summary>
/// A request's service-level clock. It starts when the request is first Submitted (a request waiting
/// for the citizen's documents is not yet the municipality's to answer), runs in calendar days, stops
/// while the request is Returned to the citizen, and stops for good when the request is Issued or
/// Rejected. Breached means closed after, or still open past, the due date.
/// </summary>
public sealed record SlaClock(
    int SlaDays,
    DateTimeOffset? StartedAt,
    TimeSpan Paused,
    DateTimeOffset? PausedSince,
    DateTimeOffset? StoppedAt)
{
    public static SlaClock New(int slaDays) => new(slaDays, null, TimeSpan.Zero, null, null);

    /// <summary>The due date as of <paramref name="now"/> (it moves on while the request is Returned); null before submission.</summary>
    public DateTimeOffset? DueAt(DateTimeOffset now)
    {
        if (StartedAt is not { } started)
        {
            return null;
        }

        var pausedNow = PausedSince is { } since ? (StoppedAt ?? now) - since : TimeSpan.Zero;
        return started + TimeSpan.FromDays(SlaDays) + Paused + (pausedNow > TimeSpan.Zero ? pausedNow : TimeSpan.Zero);
    }

    public bool IsBreached(DateTimeOffset now) =>
        DueAt(now) is { } due && (StoppedAt ?? now) > due;

    /// <summary>The clock after the request moved from <paramref name="from"/> to <paramref name="to"/> at <paramref name="at"/>.</summary>
    public SlaClock Moved(RequestStatus from, RequestStatus to, DateTimeOffset at)
    {
        var clock = this;
        if (from == RequestStatus.Returned && clock.PausedSince is { } since)
        {
            clock = clock with { Paused = clock.Paused + (at - since), PausedSince = null };
        }

        if (to == RequestStatus.Submitted && clock.StartedAt is null)
        {
            clock = clock with { StartedAt = at };
        }

        if (to == RequestStatus.Returned)
        {
            clock = clock with { PausedSince = at };
        }

        if (RequestWorkflow.IsFinal(to))
        {
            clock = clock with { StoppedAt = at };
        }

        return clock;
    }
}
